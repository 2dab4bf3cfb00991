// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText } from './clipboard';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

function panelRoot() {
  const host = document.createElement('gateway-doctor');
  document.body.append(host);
  const root = document.createElement('div');
  host.attachShadow({ mode: 'closed' }).append(root);
  const button = document.createElement('button');
  root.append(button);
  button.focus();
  return { root, button };
}

describe('copyText', () => {
  it('uses the async clipboard where the page is a secure context', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    expect(await copyText('ipconfig /flushdns', panelRoot().root)).toBe(true);
    expect(writeText).toHaveBeenCalledWith('ipconfig /flushdns');
  });

  it('falls back to the copy command on a plain-HTTP page, and leaves no trace', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('Clipboard unavailable', 'NotAllowedError'),
    );
    const { root, button } = panelRoot();
    let copied = '';
    const execCommand = vi.fn((command: string) => {
      const field = root.querySelector('textarea');
      copied = field ? field.value : '';
      return command === 'copy';
    });
    Object.assign(document, { execCommand });
    expect(await copyText('the report', root)).toBe(true);
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(copied).toBe('the report');
    expect(root.querySelector('textarea')).toBeNull();
    expect((root.getRootNode() as ShadowRoot).activeElement).toBe(button);
  });

  it('says so when neither way works', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    Object.assign(document, { execCommand: () => false });
    expect(await copyText('the report', panelRoot().root)).toBe(false);
  });
});
