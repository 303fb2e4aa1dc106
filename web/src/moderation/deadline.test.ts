import { describe, expect, it } from 'vitest';
import { timeLeft } from './deadline.ts';

const now = Date.parse('2025-06-01T12:00:00Z');

describe('time left before a report deadline', () => {
  it('counts hours forward while there is time', () => {
    expect(timeLeft('2025-06-02T09:00:00Z', 'en', now)).toEqual({ overdue: false, relative: 'in 21 hours' });
  });

  it('says how long ago an overdue deadline passed', () => {
    expect(timeLeft('2025-06-01T11:30:00Z', 'en', now)).toEqual({ overdue: true, relative: '30 minutes ago' });
    expect(timeLeft('2025-05-28T12:00:00Z', 'de', now)).toEqual({ overdue: true, relative: 'vor 4 Tagen' });
  });

  it('ignores a date it cannot read', () => {
    expect(timeLeft('soon', 'en', now)).toBeNull();
  });
});
