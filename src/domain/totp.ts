// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) as authenticator apps compute
// them: HMAC-SHA-1, 6 digits, 30-second steps. Secrets travel as RFC 4648 base32, the form every
// authenticator app accepts in an otpauth:// URI or typed by hand.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of now: a phone clock a little off, or a code typed as it rolled over. */
export const TOTP_WINDOW = 1;
/** 160 bits, the HMAC-SHA-1 block RFC 4226 recommends. */
const SECRET_BYTES = 20;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array, opts: { padding?: boolean } = {}): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  if (opts.padding) while (out.length % 8 !== 0) out += '=';
  return out;
}

/** Case-insensitive; spaces and padding ignored (people type secrets in groups). Null when invalid. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    const v = BASE32.indexOf(ch);
    if (v < 0) return null;
    buffer = ((buffer << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A fresh random secret, base32 without padding. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(SECRET_BYTES));
}

/** RFC 4226: HMAC of the 8-byte big-endian counter, dynamically truncated to `digits` digits. */
export function hotp(key: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The RFC 6238 time step of a moment (T0 = 0). */
export function timeStep(unixMs: number, period = TOTP_PERIOD_SECONDS): number {
  return Math.floor(unixMs / 1000 / period);
}

export function totp(key: Uint8Array, unixMs: number, opts: { digits?: number; period?: number } = {}): string {
  return hotp(key, timeStep(unixMs, opts.period), opts.digits);
}

/**
 * The time step whose code `code` is, within the window around now, or null. Every step of the
 * window is compared in constant time, so timing does not tell which step nearly matched.
 */
export function matchTotp(key: Uint8Array, code: string, unixMs: number, window = TOTP_WINDOW): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const now = timeStep(unixMs);
  let found: number | null = null;
  for (let step = now - window; step <= now + window; step++) {
    if (timingSafeEqual(Buffer.from(hotp(key, step)), Buffer.from(code)) && found === null) found = step;
  }
  return found;
}

/** The provisioning URI of Google Authenticator's key-URI format, which authenticator apps scan. */
export function otpauthUri(opts: { issuer: string; accountName: string; secret: string }): string {
  const label = `${encodeURIComponent(opts.issuer)}:${encodeURIComponent(opts.accountName)}`;
  const query = new URLSearchParams({ secret: opts.secret, issuer: opts.issuer, algorithm: 'SHA1', digits: String(TOTP_DIGITS), period: String(TOTP_PERIOD_SECONDS) });
  return `otpauth://totp/${label}?${query.toString()}`;
}
