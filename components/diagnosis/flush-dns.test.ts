import { describe, expect, it } from 'vitest';
import { flushDnsHowTo } from './flush-dns';

describe('flushDnsHowTo', () => {
  it('gives the commands the vendors document', () => {
    // https://learn.microsoft.com/windows-server/administration/windows-commands/ipconfig: "/flushdns"
    expect(flushDnsHowTo('windows').command).toBe('ipconfig /flushdns');
    // Apple's "Reset the DNS cache" article, macOS 10.10.4 and later.
    expect(flushDnsHowTo('mac').command).toBe(
      'sudo dscacheutil -flushcache; sudo killall -HUP mDNSResponder',
    );
    // resolvectl(1): "flush-caches: Flushes all local DNS resource record caches".
    expect(flushDnsHowTo('linux').command).toBe('resolvectl flush-caches');
  });

  it.each(['chromeos', 'android', 'ios', 'unknown'] as const)(
    'has no command to offer on %s, only a restart',
    (os) => {
      expect(flushDnsHowTo(os)).toEqual({ how: 'diagnosisFlushDnsRestart' });
    },
  );
});
