import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, generateTotpSecret, hotp, matchTotp, otpauthUri, timeStep, totp } from './totp.ts';

// The SHA-1 seed of RFC 6238 appendix B and RFC 4226 appendix D.
const SEED = Buffer.from('12345678901234567890', 'ascii');

describe('base32 (RFC 4648 section 10 vectors)', () => {
  const vectors: [string, string][] = [
    ['', ''],
    ['f', 'MY======'],
    ['fo', 'MZXQ===='],
    ['foo', 'MZXW6==='],
    ['foob', 'MZXW6YQ='],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI======'],
  ];
  it.each(vectors)('encodes and decodes %j', (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain), { padding: true })).toBe(encoded);
    expect(base32Decode(encoded)!.toString()).toBe(plain);
  });

  it('decodes without padding, in lower case and in groups; refuses other characters', () => {
    expect(base32Decode('mzxw 6ytb oi')!.toString()).toBe('foobar');
    expect(base32Decode('MZXW1')).toBeNull();
    expect(base32Decode('MZXW!')).toBeNull();
  });

  it('round-trips a random secret of 160 bits', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(base32Encode(base32Decode(secret)!)).toBe(secret);
  });
});

describe('HOTP (RFC 4226 appendix D)', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  it.each(expected.map((code, counter) => [counter, code] as const))('counter %i gives %s', (counter, code) => {
    expect(hotp(SEED, counter)).toBe(code);
  });
});

describe('TOTP (RFC 6238 appendix B, SHA-1)', () => {
  const vectors: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  it.each(vectors)('at %i s gives %s (8 digits) and its last 6 digits', (seconds, code) => {
    expect(totp(SEED, seconds * 1000, { digits: 8 })).toBe(code);
    expect(totp(SEED, seconds * 1000)).toBe(code.slice(2));
  });

  it('numbers 30-second steps from the epoch', () => {
    expect(timeStep(59_000)).toBe(1);
    expect(timeStep(1111111109_000)).toBe(0x23523ec);
  });
});

describe('matchTotp', () => {
  const now = 1111111111_000;
  const step = timeStep(now);

  it('accepts the current code and one step either side, and says which step matched', () => {
    expect(matchTotp(SEED, hotp(SEED, step), now)).toBe(step);
    expect(matchTotp(SEED, hotp(SEED, step - 1), now)).toBe(step - 1);
    expect(matchTotp(SEED, hotp(SEED, step + 1), now)).toBe(step + 1);
  });

  it('refuses codes two steps away, wrong codes and malformed input', () => {
    expect(matchTotp(SEED, hotp(SEED, step - 2), now)).toBeNull();
    expect(matchTotp(SEED, hotp(SEED, step + 2), now)).toBeNull();
    const wrong = String((Number(hotp(SEED, step)) + 1) % 1_000_000).padStart(6, '0');
    expect([hotp(SEED, step - 1), hotp(SEED, step + 1)]).not.toContain(wrong);
    expect(matchTotp(SEED, wrong, now)).toBeNull();
    expect(matchTotp(SEED, '12345', now)).toBeNull();
    expect(matchTotp(SEED, '1234567', now)).toBeNull();
    expect(matchTotp(SEED, 'abcdef', now)).toBeNull();
  });
});

describe('otpauthUri', () => {
  it('names the issuer and account and carries the parameters authenticator apps read', () => {
    const text = otpauthUri({ issuer: 'parley.test', accountName: 'alice@parley.test', secret: 'JBSWY3DPEHPK3PXP' });
    expect(text.startsWith('otpauth://totp/parley.test:alice%40parley.test?')).toBe(true);
    const uri = new URL(text);
    expect(Object.fromEntries(uri.searchParams)).toEqual({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'parley.test', algorithm: 'SHA1', digits: '6', period: '30' });
  });
});
