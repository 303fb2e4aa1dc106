import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leadingZeroBits, solve, solves } from './proof-of-work.ts';

describe('leadingZeroBits', () => {
  it.each([
    [[0x80], 0],
    [[0x40], 1],
    [[0x01], 7],
    [[0x00, 0xff], 8],
    [[0x00, 0x00, 0x10], 19],
    [[0x00, 0x00], 16],
  ])('%j -> %d', (bytes, bits) => {
    expect(leadingZeroBits(Uint8Array.from(bytes))).toBe(bits);
  });
});

describe('solve and solves', () => {
  it('finds a nonce whose hash has the zero bits asked for, and checks it', () => {
    const nonce = solve('abc', 12);
    expect(solves('abc', nonce, 12)).toBe(true);
    const digest = createHash('sha256').update(`abc:${nonce}`).digest();
    expect(leadingZeroBits(digest)).toBeGreaterThanOrEqual(12);
  });

  it('refuses a nonce for another challenge, a harder difficulty it misses, and odd nonces', () => {
    const nonce = solve('abc', 10);
    // A nonce that happens to solve another challenge too is astronomically unlikely at 20 bits.
    expect(solves('abd', nonce, 20)).toBe(false);
    expect(solves('abc', '', 1)).toBe(false);
    expect(solves('abc', 'x'.repeat(33), 0)).toBe(false);
    expect(solves('abc', 'a b', 0)).toBe(false);
  });
});

describe('the clients’ solver (api/proof-of-work-solver.ts)', () => {
  it('finds exactly the nonce the server’s own search finds: its SHA-256 agrees with node:crypto', async () => {
    const { solveProofOfWork } = await import('../../api/proof-of-work-solver.ts');
    // Long challenges too: the message spans two SHA-256 blocks.
    for (const challenge of ['pow1.api.12.1.abc.def.mac', 'x', 'pow1.sign_up.8.1893456000.' + 'A'.repeat(70) + '.mac']) {
      for (const difficulty of [0, 1, 5, 9, 13]) expect(solveProofOfWork(challenge, difficulty), `${challenge} @${difficulty}`).toBe(solve(challenge, difficulty));
    }
  });

  it('is self-contained, so the server can send its source to a browser', async () => {
    const { solveProofOfWork } = await import('../../api/proof-of-work-solver.ts');
    const standalone = new Function(`return (${solveProofOfWork.toString()});`)() as typeof solveProofOfWork;
    expect(standalone('abc', 10)).toBe(solve('abc', 10));
  });
});
