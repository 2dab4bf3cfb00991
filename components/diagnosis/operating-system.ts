/** The systems whose way of clearing the DNS cache differs. */
export type OperatingSystem =
  'windows' | 'mac' | 'linux' | 'chromeos' | 'android' | 'ios' | 'unknown';

export interface PlatformHints {
  /** `navigator.userAgentData.platform` where the browser has it (Chromium): `Windows`, `macOS`, `Chrome OS`... */
  readonly platform?: string | undefined;
  readonly userAgent: string;
}

/**
 * The visitor's operating system, from the User-Agent Client Hints platform where there is one
 * (https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Sec-CH-UA-Platform), else from the User-Agent string
 * (Firefox has no client hints). Android and ChromeOS are checked before Linux, whose name their agents also carry.
 */
export function operatingSystemOf({ platform, userAgent }: PlatformHints): OperatingSystem {
  switch (platform) {
    case 'Windows':
      return 'windows';
    case 'macOS':
      return 'mac';
    case 'Linux':
      return 'linux';
    case 'Chrome OS':
    case 'Chromium OS':
      return 'chromeos';
    case 'Android':
      return 'android';
    case 'iOS':
      return 'ios';
  }
  if (/\b(iPhone|iPad|iPod)\b/.test(userAgent)) return 'ios';
  if (/\bAndroid\b/.test(userAgent)) return 'android';
  if (/\bCrOS\b/.test(userAgent)) return 'chromeos';
  if (/\bWindows\b/.test(userAgent)) return 'windows';
  if (/\bMac OS X\b|\bMacintosh\b/.test(userAgent)) return 'mac';
  if (/\bLinux\b|\bX11\b/.test(userAgent)) return 'linux';
  return 'unknown';
}
