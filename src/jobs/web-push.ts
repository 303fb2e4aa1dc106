// JOB.webPush: { subscriptionId, notificationId }. A gone subscription or notification ends the job;
// a retry after a network failure may push twice (the payload carries notification_id to tell).
import type { AppContext } from '../context.ts';
import { deliverWebPush } from '../services/push/deliver-push.ts';
import { JOB } from './types.ts';

export function registerWebPushJob(ctx: AppContext): void {
  ctx.queue.register(JOB.webPush, async (p) => {
    if (typeof p.subscriptionId !== 'string' || typeof p.notificationId !== 'string') return;
    await deliverWebPush(ctx, p.subscriptionId, p.notificationId);
  });
}
