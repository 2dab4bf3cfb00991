// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyButton } from './CopyButton';
import { renderInEnglish } from './test-support';

afterEach(cleanup);

describe('CopyButton', () => {
  it('copies the text and says so in a status message', async () => {
    const copy = vi.fn(async () => true);
    renderInEnglish(
      <CopyButton label="diagnosisCopyCommand" text={() => 'ipconfig /flushdns'} copy={copy} />,
    );
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Copy command' }));
    expect(await screen.findByText('Copied')).toBe(status);
    expect(copy).toHaveBeenCalledWith('ipconfig /flushdns');
  });

  it('shows the text, selected, for copying by hand when the clipboard refuses', async () => {
    renderInEnglish(
      <CopyButton label="diagnosisCopyReport" text={() => 'the report'} copy={async () => false} />,
    );
    fireEvent.click(screen.getByRole('button'));
    expect(await screen.findByText(/Could not copy/)).toBeTruthy();
    const field = screen.getByRole('textbox', {
      name: "Copy report for the site's owner",
    }) as HTMLTextAreaElement;
    expect(field.value).toBe('the report');
    expect(field.readOnly).toBe(true);
  });

  it('treats a clipboard that throws as one that refused', async () => {
    renderInEnglish(
      <CopyButton
        label="diagnosisCopyReport"
        text={() => 'the report'}
        copy={() => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError'))}
      />,
    );
    fireEvent.click(screen.getByRole('button'));
    expect(await screen.findByText(/Could not copy/)).toBeTruthy();
  });
});
