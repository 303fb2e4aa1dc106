// The trends job's work: score the tags and posts that may trend now and store them, replacing
// the previous run's. Idempotent: a run only depends on the database and the clock.
import type { AppContext } from '../../context.ts';
import { postInteractions, replaceTrends, tagUses } from '../../db/repos/trends.ts';
import { ranked, statusScore, tagScore, TRENDS } from './scores.ts';
import { trendsEnabled } from './enabled.ts';

/** How many candidates of each kind were stored, or null when trends are turned off (nothing is done). */
export async function computeTrends(ctx: AppContext): Promise<{ tags: number; statuses: number } | null> {
  if (!(await trendsEnabled(ctx))) return null;
  const now = ctx.clock.now();
  const nowMs = now.getTime();

  const recentSince = nowMs - TRENDS.tagRecentMs;
  const uses = await tagUses(ctx.db, recentSince - TRENDS.tagBaselineDays * 24 * 3600_000, recentSince, TRENDS.minAccounts);
  const tags = ranked(
    uses.map((u) => ({ targetId: u.tagId, score: tagScore({ ...u, lastUsedMs: Date.parse(u.lastUsedAt) }, nowMs) })),
    TRENDS.maxStored,
  );

  const interactions = await postInteractions(ctx.db, nowMs - TRENDS.statusMaxAgeMs, TRENDS.minAccounts);
  const statuses = ranked(
    interactions.map((p) => ({ targetId: p.statusId, score: statusScore({ accounts: p.accounts, createdMs: Date.parse(p.createdAt) }, nowMs) })),
    TRENDS.maxStored,
  );

  await replaceTrends(ctx.db, 'tag', tags, now.toISOString());
  await replaceTrends(ctx.db, 'status', statuses, now.toISOString());
  return { tags: tags.length, statuses: statuses.length };
}
