import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration.ts';

describe('parseDuration', () => {
  it('reads minutes, hours, days and weeks, and never', () => {
    expect(parseDuration('30m')).toBe(1800);
    expect(parseDuration('1h')).toBe(3600);
    expect(parseDuration('1d')).toBe(86_400);
    expect(parseDuration(' 1W ')).toBe(604_800);
    expect(parseDuration('never')).toBeNull();
  });

  it('refuses anything else', () => {
    for (const bad of ['', '1', 'd', '1y', '-1d', '1.5h', '1 d', '9999999d']) expect(parseDuration(bad), bad).toBeUndefined();
  });
});
