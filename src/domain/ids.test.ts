import { describe, expect, it } from 'vitest';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const decodeRandom = (id: string) => [...id.slice(10)].reduce((acc, ch) => acc * 32n + BigInt(ALPHABET.indexOf(ch)), 0n);
import { idFloorForSnowflake, idFloorForTime, idTime, isId, newId } from './ids.ts';

describe('ids', () => {
  it('are 26-character ULIDs that sort by time', () => {
    const a = newId(1_700_000_000_000);
    const b = newId(1_700_000_000_001);
    expect(isId(a)).toBe(true);
    expect(a < b).toBe(true);
    expect(idTime(a)).toBe(1_700_000_000_000);
  });

  it('carry 80 random bits: ids minted in the same millisecond differ and are not adjacent', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId(1_700_000_000_000)));
    expect(ids.size).toBe(1000);
    const suffixes = [...ids].map((id) => id.slice(10));
    // No two random parts share a 6-character prefix in a thousand draws unless the randomness is broken.
    const prefixes = new Set(suffixes.map((s) => s.slice(0, 6)));
    expect(prefixes.size).toBeGreaterThan(990);
  });

  it('increase within one millisecond, by random steps', () => {
    const ids = Array.from({ length: 200 }, () => newId(1_800_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    const steps = ids.slice(1).map((id, i) => decodeRandom(id) - decodeRandom(ids[i]!));
    expect(steps.every((d) => d > 0n && d <= 1n << 64n)).toBe(true);
    expect(new Set(steps).size).toBe(steps.length);
  });

  it('floor ids sort before every id of that millisecond', () => {
    const floor = idFloorForTime(1_700_000_000_000);
    expect(floor <= newId(1_700_000_000_000)).toBe(true);
    expect(floor > newId(1_699_999_999_999)).toBe(true);
  });

  it('turn Mastodon snowflake ids into floor ids of their millisecond', () => {
    expect(idFloorForSnowflake((1_700_000_000_000n << 16n | 7n).toString())).toBe(idFloorForTime(1_700_000_000_000));
    expect(idFloorForSnowflake('0')).toBe('0'.repeat(26));
    expect(isId(idFloorForSnowflake('9'.repeat(20)))).toBe(true);
    expect(idFloorForSnowflake('12ab')).toBeNull();
    expect(idFloorForSnowflake('-1')).toBeNull();
  });

  it('rejects things that are not ids', () => {
    expect(isId('123')).toBe(false);
    expect(isId('01ARZ3NDEKTSV4RRFFQ69G5FAI')).toBe(false); // I is not Crockford
    expect(isId(42)).toBe(false);
  });
});
