// JOB.distributeDelete: { statusId, accountId, visibility, tagNames, audienceIds, listIds }.
import type { AppContext } from '../context.ts';
import { fanOutDelete } from '../timelines/fan-out-delete.ts';
import { JOB } from './types.ts';

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function registerDistributeDeleteJob(ctx: AppContext): void {
  ctx.queue.register(JOB.distributeDelete, (p) =>
    fanOutDelete(ctx, {
      statusId: String(p.statusId),
      accountId: String(p.accountId),
      visibility: String(p.visibility),
      tagNames: strings(p.tagNames),
      audienceIds: strings(p.audienceIds),
      listIds: strings(p.listIds),
    }),
  );
}
