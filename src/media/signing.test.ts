import { describe, expect, it } from 'vitest';
import { createMediaSigner } from './signing.ts';

const key = '0123456789abcdef0123456789abcdef.jpg';
const t0 = Date.parse('2026-11-26T10:00:00Z');

describe('signed media URLs', () => {
  const signer = createMediaSigner('secret-one');
  const parse = (q: string) => Object.fromEntries(new URLSearchParams(q)) as { exp: string; sig: string };

  it('verifies its own signature until it expires, 24 to 30 hours later', () => {
    const { exp, sig } = parse(signer.sign(key, t0));
    const lifetimeH = (Number(exp) * 1000 - t0) / 3600_000;
    expect(lifetimeH).toBeGreaterThanOrEqual(24);
    expect(lifetimeH).toBeLessThanOrEqual(30);
    expect(signer.verify(key, exp, sig, t0 + 23 * 3600_000)).toBe(true);
    expect(signer.verify(key, exp, sig, Number(exp) * 1000)).toBe(false);
  });

  it('keeps the same URL within a six-hour step, so browsers can cache it', () => {
    const stepStart = Math.floor(t0 / (6 * 3600_000)) * 6 * 3600_000 + 1;
    expect(signer.sign(key, stepStart)).toBe(signer.sign(key, stepStart + 6 * 3600_000 - 2));
  });

  it('refuses another key, a changed expiry, a tampered signature or another secret', () => {
    const { exp, sig } = parse(signer.sign(key, t0));
    expect(signer.verify(key.replace('0123', '3210'), exp, sig, t0)).toBe(false);
    expect(signer.verify(key, String(Number(exp) + 3600), sig, t0)).toBe(false);
    expect(signer.verify(key, exp, `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`, t0)).toBe(false);
    expect(createMediaSigner('secret-two').verify(key, exp, sig, t0)).toBe(false);
    expect(signer.verify(key, undefined, sig, t0)).toBe(false);
    expect(signer.verify(key, 'soon', sig, t0)).toBe(false);
  });
});
