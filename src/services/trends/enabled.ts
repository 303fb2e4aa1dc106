// The admin's switch for trends (setting trends_enabled): when off, nothing is computed and
// nothing is shown.
import type { AppContext } from '../../context.ts';
import { getSetting } from '../../db/repos/settings.ts';

export async function trendsEnabled(ctx: AppContext): Promise<boolean> {
  return getSetting(ctx.db, ctx.config, 'trends_enabled');
}
