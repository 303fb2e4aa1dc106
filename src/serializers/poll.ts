// Mastodon's Poll entity: the viewer-independent part, then the viewer's votes on top.
import type { PollRow } from '../db/schema.ts';
import type { PollJson } from '../../api/entities.ts';
export type { PollJson };

export function pollOptions(row: Pick<PollRow, 'options'>): string[] {
  const v = JSON.parse(row.options) as unknown;
  return Array.isArray(v) ? v.map(String) : [];
}

export function isPollExpired(row: Pick<PollRow, 'expires_at'>, now: Date): boolean {
  return row.expires_at !== null && row.expires_at <= now.toISOString();
}

/** `tally` maps choice index to votes. Totals stay hidden until the end when hide_totals is set. */
export function serializePollBase(row: PollRow, tally: ReadonlyMap<number, number>, now: Date): PollJson {
  const expired = isPollExpired(row, now);
  const showTotals = expired || row.hide_totals !== 1;
  return {
    id: row.id,
    expires_at: row.expires_at,
    expired,
    multiple: row.multiple === 1,
    votes_count: row.votes_count,
    voters_count: row.multiple === 1 ? row.voters_count : null,
    options: pollOptions(row).map((title, i) => ({ title, votes_count: showTotals ? (tally.get(i) ?? 0) : null })),
    emojis: [],
  };
}

/** The author counts as having voted, as in Mastodon (clients then show results). */
export function withPollViewer(base: PollJson, viewer: { isAuthor: boolean; choices: number[] } | null): PollJson {
  if (!viewer) return base;
  return { ...base, voted: viewer.isAuthor || viewer.choices.length > 0, own_votes: viewer.choices };
}
