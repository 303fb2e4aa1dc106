// Public IDs: 48-bit millisecond timestamp + 80 random bits, Crockford base32 (a ULID).
// Time-sortable as plain strings (pagination is "id < max_id"), and knowing one ID reveals
// nothing about any other: 80 random bits per ID make enumeration hopeless. GoToSocial uses
// the same format, so Mastodon clients are known to accept it.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

function encodeTime(ms: number): string {
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[ms % 32] + out;
    ms = Math.floor(ms / 32);
  }
  return out;
}

function encodeRandom(bytes: Buffer): string {
  // 80 bits -> 16 base32 characters.
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 16; i++) {
    out = ALPHABET[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return out;
}

export function newId(now: number = Date.now()): string {
  return encodeTime(now) + encodeRandom(randomBytes(10));
}

/** The smallest ID at a given time: used to turn a date into a pagination bound. */
export function idFloorForTime(ms: number): string {
  return encodeTime(ms) + '0'.repeat(16);
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

export function idTime(id: string): number {
  let ms = 0;
  for (const ch of id.slice(0, 10)) ms = ms * 32 + ALPHABET.indexOf(ch);
  return ms;
}
