// GET /api/v1/instance/activity: twelve weeks (Monday 00:00 UTC, newest first) of local
// statuses, logins and sign-ups, every number a string as Mastodon sends them.
import type { AppContext } from '../../context.ts';
import { activityBetween } from '../../db/repos/instance.ts';

const WEEK_MS = 7 * 24 * 3600_000;

export interface WeekActivityJson {
  week: string;
  statuses: string;
  logins: string;
  registrations: string;
}

export function startOfWeekUtc(now: Date): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - sinceMonday * 24 * 3600_000);
}

export async function weeklyActivity(ctx: AppContext, weeks = 12): Promise<WeekActivityJson[]> {
  const thisWeek = startOfWeekUtc(ctx.clock.now()).getTime();
  const out: WeekActivityJson[] = [];
  for (let i = 0; i < weeks; i++) {
    const from = thisWeek - i * WEEK_MS;
    const counts = await activityBetween(ctx.db, new Date(from).toISOString(), new Date(from + WEEK_MS).toISOString());
    out.push({
      week: String(Math.floor(from / 1000)),
      statuses: String(counts.statuses),
      logins: String(counts.logins),
      registrations: String(counts.registrations),
    });
  }
  return out;
}
