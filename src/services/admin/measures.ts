// Mastodon's admin measures: daily numbers over a period, their total, and the total of the
// period before. Unknown keys are left out, as Mastodon does. Keys about remote servers are
// honest zeros until federation comes.
import type { AppContext } from '../../context.ts';
import { activeUsers, interactions, newUsers, openedReports, resolvedReports, tagUsage, type DailyCounts, type Range } from '../../db/repos/admin-metrics.ts';
import type { AdminMeasureJson } from '../../../api/entities.ts';
import type { Executor } from '../../jobs/queue.ts';
import { dayKey, humanBytes, parsePeriod } from './period.ts';

export interface MeasureRequest {
  keys: string[];
  startAt: string;
  endAt: string;
  /** `tag_accounts[id]` and the like: the tag or domain a key is about. */
  tagIds: Partial<Record<'tag_accounts' | 'tag_uses' | 'tag_servers', string>>;
}

type Counter = (db: Executor, r: Range) => Promise<DailyCounts>;
const NONE: Counter = async () => ({ byDay: new Map(), total: 0 });
const LOCAL: Record<string, Counter> = { active_users: activeUsers, new_users: newUsers, interactions, opened_reports: openedReports, resolved_reports: resolvedReports };
const TAG = { tag_accounts: 'accounts', tag_uses: 'uses', tag_servers: 'servers' } as const;
/** About one remote domain: Parley knows no remote accounts, statuses or media yet. */
const INSTANCE = new Set(['instance_accounts', 'instance_media_attachments', 'instance_reports', 'instance_statuses', 'instance_follows', 'instance_followers']);

function counterFor(key: string, req: MeasureRequest): Counter | null {
  if (key in LOCAL) return LOCAL[key]!;
  if (key in TAG) {
    const tagId = req.tagIds[key as keyof typeof TAG];
    return tagId ? (db, r) => tagUsage(db, tagId, TAG[key as keyof typeof TAG], r) : NONE;
  }
  return INSTANCE.has(key) ? NONE : null;
}

export async function measures(ctx: AppContext, req: MeasureRequest): Promise<AdminMeasureJson[]> {
  const period = parsePeriod(req.startAt, req.endAt);
  const out: AdminMeasureJson[] = [];
  for (const key of new Set(req.keys)) {
    const counter = counterFor(key, req);
    if (!counter) continue;
    const now = await counter(ctx.db, period.range);
    const bytes = key === 'instance_media_attachments';
    const measure: AdminMeasureJson = {
      key,
      unit: bytes ? 'bytes' : null,
      total: String(now.total),
      data: period.days.map((d) => ({ date: d.toISOString(), value: String(now.byDay.get(dayKey(d)) ?? 0) })),
    };
    if (bytes) measure.human_value = humanBytes(now.total);
    // Like Mastodon: the comparison with the period before, except for the per-server keys.
    if (!INSTANCE.has(key)) measure.previous_total = String((await counter(ctx.db, period.previous)).total);
    out.push(measure);
  }
  return out;
}
