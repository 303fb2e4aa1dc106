// Parley's self-hosted proof of work: instead of a third-party CAPTCHA, a client spends about a
// second of CPU finding a nonce such that SHA-256("<challenge>:<nonce>") starts with `difficulty`
// zero bits. Cheap to check (one hash), costly to do in bulk. The challenge is issued and signed
// by the server (src/services/abuse/proof-of-work.ts); this file holds the arithmetic only.
import { createHash } from 'node:crypto';

export const POW_ALGORITHM = 'sha256-leading-zero-bits';

/** Zero bits at the start of `digest`. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Whether `nonce` solves `challenge` at `difficulty`. The nonce is short: a client counts up. */
export function solves(challenge: string, nonce: string, difficulty: number): boolean {
  if (!/^[0-9a-z]{1,32}$/i.test(nonce)) return false;
  return leadingZeroBits(createHash('sha256').update(`${challenge}:${nonce}`).digest()) >= difficulty;
}

/** Finds a nonce by counting up (tests and command-line clients; the web app solves in a worker). */
export function solve(challenge: string, difficulty: number): string {
  for (let n = 0; ; n++) {
    const nonce = n.toString(36);
    if (solves(challenge, nonce, difficulty)) return nonce;
  }
}
