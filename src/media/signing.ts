// Signed, expiring media URLs for files that are not public (followers-only and direct posts,
// uploads not yet posted). An expiry is rounded to a six-hour step so a URL stays the same for
// hours and browsers can cache it; every signed URL is valid for 24 to 30 hours.
import { createHmac, timingSafeEqual } from 'node:crypto';

const STEP_S = 6 * 3600;
const LIFETIME_S = 24 * 3600;

export interface MediaSigner {
  /** The query string (`exp=...&sig=...`) that lets anyone holding it fetch `key` for a day. */
  sign(key: string, nowMs: number): string;
  verify(key: string, exp: string | undefined, sig: string | undefined, nowMs: number): boolean;
}

export function createMediaSigner(secret: string): MediaSigner {
  const mac = (key: string, exp: string) => createHmac('sha256', secret).update(`${key}\n${exp}`).digest('base64url').slice(0, 32);
  return {
    sign(key, nowMs) {
      const exp = String(Math.ceil(nowMs / 1000 / STEP_S) * STEP_S + LIFETIME_S);
      return `exp=${exp}&sig=${mac(key, exp)}`;
    },
    verify(key, exp, sig, nowMs) {
      if (!exp || !sig || !/^\d{1,12}$/.test(exp) || Number(exp) * 1000 <= nowMs) return false;
      const want = Buffer.from(mac(key, exp));
      const got = Buffer.from(sig);
      return want.length === got.length && timingSafeEqual(want, got);
    },
  };
}
