// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FlushDnsCommand } from './FlushDnsCommand';
import { renderInEnglish } from './test-support';

afterEach(cleanup);

describe('FlushDnsCommand', () => {
  it('shows and copies the macOS command with where to type it', async () => {
    const copy = vi.fn(async () => true);
    renderInEnglish(<FlushDnsCommand os="mac" copy={copy} />);
    expect(screen.getByText(/Open Terminal/)).toBeTruthy();
    const command = 'sudo dscacheutil -flushcache; sudo killall -HUP mDNSResponder';
    expect(screen.getByText(command).tagName).toBe('CODE');
    fireEvent.click(screen.getByRole('button', { name: 'Copy command' }));
    expect(await screen.findByText('Copied')).toBeTruthy();
    expect(copy).toHaveBeenCalledWith(command);
  });

  it('offers no command where the system has none', () => {
    renderInEnglish(<FlushDnsCommand os="android" copy={async () => true} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText(/airplane mode/)).toBeTruthy();
  });
});
