// Public IDs: 48-bit millisecond timestamp + 80 random bits, Crockford base32 (a ULID).
// Time-sortable as plain strings (pagination is "id < max_id"), and knowing one ID reveals
// nothing about any other: 80 random bits per ID make enumeration hopeless. GoToSocial uses
// the same format, so Mastodon clients are known to accept it.
// Within one millisecond a process's IDs still increase (so "newest first" is the order things
// happened), each by a random step of up to 2^64: the next ID stays unguessable.
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

const RANDOM_SPACE = 1n << 80n;

function randomBits(bytes: number): bigint {
  let bits = 0n;
  for (const b of randomBytes(bytes)) bits = (bits << 8n) | BigInt(b);
  return bits;
}

function encodeRandom(value: bigint): string {
  // 80 bits -> 16 base32 characters.
  let bits = value;
  let out = '';
  for (let i = 0; i < 16; i++) {
    out = ALPHABET[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return out;
}

let lastMs = -1;
let lastRandom = 0n;

export function newId(now: number = Date.now()): string {
  if (now === lastMs) {
    const next = lastRandom + 1n + randomBits(8);
    if (next < RANDOM_SPACE) {
      lastRandom = next;
      return encodeTime(now) + encodeRandom(next);
    }
    now += 1; // the millisecond is used up: borrow the next one
  }
  const random = randomBits(10);
  // An explicit time in the past (imports, fixtures) does not disturb the current sequence.
  if (now > lastMs) {
    lastMs = now;
    lastRandom = random;
  }
  return encodeTime(now) + encodeRandom(random);
}

/** The smallest ID at a given time: used to turn a date into a pagination bound. */
export function idFloorForTime(ms: number): string {
  return encodeTime(ms) + '0'.repeat(16);
}

/**
 * A Mastodon snowflake ID (milliseconds << 16, as decimal digits) turned into the smallest of our
 * IDs at that moment, so a numeric pagination bound keeps its meaning: Mastodon.py sends one for a
 * datetime bound, and clients send `since_id=0` for "from the beginning". Null if not one.
 */
export function idFloorForSnowflake(value: string): string | null {
  if (!/^\d{1,20}$/.test(value)) return null;
  const ms = BigInt(value) >> 16n;
  // Past the last millisecond a ULID can encode: clamp rather than wrap.
  const max = 32n ** 10n - 1n;
  return idFloorForTime(Number(ms > max ? max : ms));
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

export function idTime(id: string): number {
  let ms = 0;
  for (const ch of id.slice(0, 10)) ms = ms * 32 + ALPHABET.indexOf(ch);
  return ms;
}
