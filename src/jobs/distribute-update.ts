// JOB.distributeStatusUpdate: { statusId }.
import type { AppContext } from '../context.ts';
import { fanOutUpdate } from '../timelines/fan-out.ts';
import { JOB } from './types.ts';

export function registerDistributeUpdateJob(ctx: AppContext): void {
  ctx.queue.register(JOB.distributeStatusUpdate, (p) => fanOutUpdate(ctx, String(p.statusId)));
}
