// JOB.distributeStatus: { statusId }.
import type { AppContext } from '../context.ts';
import { fanOutStatus } from '../timelines/fan-out.ts';
import { JOB } from './types.ts';

export function registerDistributeStatusJob(ctx: AppContext): void {
  ctx.queue.register(JOB.distributeStatus, (p) => fanOutStatus(ctx, String(p.statusId)));
}
