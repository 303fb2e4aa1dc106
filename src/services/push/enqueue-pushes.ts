// When a notification is created: one Web Push job per subscription of the recipient that wants
// this type of notification from this sender (its alerts and policy), in the caller's transaction.
import type { AppContext } from '../../context.ts';
import { followRelation, subscriptionsOfAccount } from '../../db/repos/push-subscriptions.ts';
import type { Executor } from '../../jobs/queue.ts';
import { JOB } from '../../jobs/types.ts';
import { alertsOf } from '../../serializers/web-push-subscription.ts';

export interface CreatedNotification {
  id: string;
  account_id: string;
  from_account_id: string;
  type: string;
}

export async function enqueueWebPushes(ctx: AppContext, exec: Executor, n: CreatedNotification): Promise<number> {
  const subscriptions = await subscriptionsOfAccount(exec, n.account_id);
  const wanted = subscriptions.filter((s) => s.policy !== 'none' && (alertsOf(s.alerts) as Record<string, boolean>)[n.type] === true);
  if (wanted.length === 0) return 0;
  const needsGraph = wanted.some((s) => s.policy === 'followed' || s.policy === 'follower');
  const relation = needsGraph ? await followRelation(exec, n.account_id, n.from_account_id) : { follows: false, followedBy: false };
  let count = 0;
  for (const s of wanted) {
    if (s.policy === 'followed' && !relation.follows) continue;
    if (s.policy === 'follower' && !relation.followedBy) continue;
    await ctx.queue.enqueue(exec, JOB.webPush, { subscriptionId: s.id, notificationId: n.id }, { maxAttempts: 5 });
    count++;
  }
  return count;
}
