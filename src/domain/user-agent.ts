// A person-readable "Firefox on Linux" from a User-Agent header, for the sessions list. Only
// the families people recognise; anything else falls back to the first product name (apps such
// as Tusky or Ivory send "Tusky/25.0 Android/14"), so an unknown client is still named.

export interface DeviceDescription {
  browser: string | null;
  platform: string | null;
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bVivaldi\//, 'Vivaldi'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const PLATFORMS: [RegExp, string][] = [
  [/\b(iPhone|iPad|iPod)\b|\biOS\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\b(Macintosh|Mac OS X|macOS)\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

export function describeUserAgent(userAgent: string | null | undefined): DeviceDescription {
  const ua = (userAgent ?? '').trim();
  if (!ua) return { browser: null, platform: null };
  const browser = BROWSERS.find(([re]) => re.test(ua))?.[1] ?? productName(ua);
  const platform = PLATFORMS.find(([re]) => re.test(ua))?.[1] ?? null;
  return { browser, platform };
}

/** "Firefox on Linux", "Tusky", "Linux", or null when nothing is known. */
export function deviceLabel(d: DeviceDescription): string | null {
  if (d.browser && d.platform) return `${d.browser} on ${d.platform}`;
  return d.browser ?? d.platform;
}

function productName(ua: string): string | null {
  const m = /^([A-Za-z][\w.-]{0,40})(\/|\s|$)/.exec(ua);
  // "Mozilla/5.0 (...)" alone says nothing about which browser it is.
  return m && m[1] !== 'Mozilla' ? m[1]! : null;
}
