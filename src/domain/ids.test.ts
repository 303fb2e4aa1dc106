import { describe, expect, it } from 'vitest';
import { idFloorForTime, idTime, isId, newId } from './ids.ts';

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

  it('floor ids sort before every id of that millisecond', () => {
    const floor = idFloorForTime(1_700_000_000_000);
    expect(floor <= newId(1_700_000_000_000)).toBe(true);
    expect(floor > newId(1_699_999_999_999)).toBe(true);
  });

  it('rejects things that are not ids', () => {
    expect(isId('123')).toBe(false);
    expect(isId('01ARZ3NDEKTSV4RRFFQ69G5FAI')).toBe(false); // I is not Crockford
    expect(isId(42)).toBe(false);
  });
});
