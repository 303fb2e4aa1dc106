import { describe, expect, it } from 'vitest';
import type { NotificationRow } from '../db/schema.ts';
import { groupKeyOf, parseGroupKey } from './notification.ts';

const row = (type: string, created_at: string, status_id: string | null = '01HZZZZZZZZZZZZZZZZZZZZZZZ'): NotificationRow => ({
  id: '01J00000000000000000000000',
  account_id: 'a',
  from_account_id: 'b',
  type,
  status_id,
  created_at,
});

describe('notification group keys', () => {
  it('groups favourites of one status within a 12-hour window and round-trips', () => {
    const a = groupKeyOf(row('favourite', '2026-01-01T01:00:00.000Z'));
    const b = groupKeyOf(row('favourite', '2026-01-01T11:59:00.000Z'));
    const c = groupKeyOf(row('favourite', '2026-01-01T12:00:00.000Z'));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    const parsed = parseGroupKey(a);
    expect(parsed).toEqual({ kind: 'group', type: 'favourite', statusId: '01HZZZZZZZZZZZZZZZZZZZZZZZ', from: '2026-01-01T00:00:00.000Z', to: '2026-01-01T12:00:00.000Z' });
  });

  it('leaves other types, and types not asked to be grouped, ungrouped', () => {
    expect(groupKeyOf(row('mention', '2026-01-01T01:00:00.000Z'))).toBe('ungrouped-01J00000000000000000000000');
    expect(groupKeyOf(row('follow', '2026-01-01T01:00:00.000Z', null), ['favourite'])).toBe('ungrouped-01J00000000000000000000000');
    expect(groupKeyOf(row('follow', '2026-01-01T01:00:00.000Z', null))).toMatch(/^follow-\d+$/);
    expect(parseGroupKey('ungrouped-01J00000000000000000000000')).toEqual({ kind: 'single', id: '01J00000000000000000000000' });
  });

  it('rejects malformed keys', () => {
    for (const k of ['', 'ungrouped-1', 'favourite-x-12', 'follow-13', 'mention-01HZZZZZZZZZZZZZZZZZZZZZZZ-12']) expect(parseGroupKey(k)).toBeNull();
  });
});
