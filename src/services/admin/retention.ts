// Mastodon's admin retention: for each sign-up day (or month) of the period, the share of that
// cohort still active in each later day (month) up to the end. "Still active at a period" means
// last seen (sign-in, token use or post) in or after it, as Mastodon reads its last sign-in.
import type { AppContext } from '../../context.ts';
import { signUpCohorts } from '../../db/repos/admin-metrics.ts';
import type { AdminCohortJson } from '../../../api/entities.ts';
import { DAY_MS, parsePeriod } from './period.ts';

export type Frequency = 'day' | 'month';

function periodStart(iso: string, frequency: Frequency): number {
  const d = new Date(iso);
  return frequency === 'day' ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) : Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function periodStarts(fromMs: number, toMs: number, frequency: Frequency): number[] {
  const out: number[] = [];
  for (let t = periodStart(new Date(fromMs).toISOString(), frequency); t < toMs; ) {
    out.push(t);
    const d = new Date(t);
    t = frequency === 'day' ? t + DAY_MS : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }
  return out;
}

export async function retention(ctx: AppContext, startAt: string, endAt: string, frequency: Frequency): Promise<AdminCohortJson[]> {
  const { range } = parsePeriod(startAt, endAt);
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  const members = await signUpCohorts(ctx.db, { from: new Date(periodStart(range.from, frequency)).toISOString(), to: range.to });
  const starts = periodStarts(from, to, frequency);
  return starts.map((cohortStart, i) => {
    const cohort = members.filter((m) => periodStart(m.created_at, frequency) === cohortStart);
    const lastSeen = cohort.map((m) => (m.last_active_at ? periodStart(m.last_active_at, frequency) : -Infinity));
    const data = starts.slice(i).map((at) => {
      // The sign-up itself counts as activity in the cohort's own period.
      const value = at === cohortStart ? cohort.length : lastSeen.filter((t) => t >= at).length;
      return { date: new Date(at).toISOString(), rate: cohort.length ? value / cohort.length : 0, value: String(value) };
    });
    return { period: new Date(cohortStart).toISOString(), frequency, data };
  });
}
