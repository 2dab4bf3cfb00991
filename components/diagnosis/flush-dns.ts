import type { MessageKey } from '@/lib/i18n/messages';
import type { OperatingSystem } from './operating-system';

export interface FlushDnsHowTo {
  /** Where to type it, or what to do where there is no command. */
  readonly how: MessageKey;
  readonly command?: string;
}

/**
 * How to clear the system's DNS cache, per system:
 * - Windows: `ipconfig /flushdns` https://learn.microsoft.com/windows-server/administration/windows-commands/ipconfig
 * - macOS 10.10.4 and later: both caches, as Apple's support article on resetting the DNS cache gives it.
 * - Linux: systemd-resolved, the default resolver of most desktop distributions
 *   https://man7.org/linux/man-pages/man1/resolvectl.1.html (`flush-caches`).
 * ChromeOS, Android and iOS give the user no command: a restart or airplane mode clears it.
 */
export function flushDnsHowTo(os: OperatingSystem): FlushDnsHowTo {
  switch (os) {
    case 'windows':
      return { how: 'diagnosisFlushDnsWindows', command: 'ipconfig /flushdns' };
    case 'mac':
      return {
        how: 'diagnosisFlushDnsMac',
        command: 'sudo dscacheutil -flushcache; sudo killall -HUP mDNSResponder',
      };
    case 'linux':
      return { how: 'diagnosisFlushDnsLinux', command: 'resolvectl flush-caches' };
    default:
      return { how: 'diagnosisFlushDnsRestart' };
  }
}
