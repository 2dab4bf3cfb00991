/**
 * Copies text during the visitor's click. The async clipboard exists only in secure contexts; on a plain-HTTP page
 * the older copy command still works during a user gesture, from a scratch field inside the panel's own shadow root.
 */
export async function copyText(text: string, scratchParent: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithCommand(text, scratchParent);
  }
}

function copyWithCommand(text: string, scratchParent: HTMLElement): boolean {
  const root = scratchParent.getRootNode() as Document | ShadowRoot;
  const focused = root.activeElement;
  const scratch = scratchParent.ownerDocument.createElement('textarea');
  scratch.value = text;
  scratch.readOnly = true;
  scratch.style.position = 'fixed';
  scratch.style.opacity = '0';
  scratchParent.append(scratch);
  scratch.select();
  try {
    return scratchParent.ownerDocument.execCommand('copy');
  } catch {
    return false;
  } finally {
    scratch.remove();
    if (focused instanceof HTMLElement) focused.focus();
  }
}
