import type { PageMarkers } from '@/lib/diagnosis/types';

/** How much visible text is read from the top of the page: every marker the engine looks for sits well within it. */
export const PAGE_TEXT_LIMIT = 2000;

const NOT_SHOWN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * The page's title and the text it shows near the top, whitespace collapsed, read without changing the page; null
 * for an empty page. Read once, when the panel starts: nothing the page does afterwards changes what the panel says.
 */
export function readPageMarkers(doc: Document): PageMarkers | null {
  const body = doc.body;
  if (!doc.contentType.includes('html')) {
    const text = (body?.textContent ?? '').slice(0, PAGE_TEXT_LIMIT);
    return text === '' ? null : { title: '', text };
  }
  const title = doc.title.trim();
  const text = body ? visibleText(doc, body) : '';
  return title === '' && text === '' ? null : { title, text };
}

function visibleText(doc: Document, body: HTMLElement): string {
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.TEXT_NODE
        ? NodeFilter.FILTER_ACCEPT
        : NOT_SHOWN.has((node as Element).tagName.toUpperCase())
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP,
  });
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    text += (node as Text).data;
    // Collapsing as it goes bounds the work on huge pages; collapsing twice changes nothing.
    if (text.length > 2 * PAGE_TEXT_LIMIT) {
      text = text.replace(/\s+/g, ' ');
      if (text.trimStart().length > PAGE_TEXT_LIMIT) break;
    }
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, PAGE_TEXT_LIMIT);
}
