import type { ExportFile } from '@/lib/history/export';

/**
 * Saves a file the page made, as a download: no permission needed, nothing leaves the browser. The link is put in
 * the document for the click, which older Firefox versions required.
 */
export function downloadFile({ name, type, text }: ExportFile): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel a download that has not started reading yet.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
