// JOB.notify: { type, accountId, fromAccountId, statusId? }. Idempotent through de-duplication.
import type { AppContext } from '../context.ts';
import { createNotification } from '../services/notifications/create-notification.ts';
import { JOB } from './types.ts';

export function registerNotifyJob(ctx: AppContext): void {
  ctx.queue.register(JOB.notify, async (p) => {
    await createNotification(ctx, {
      type: String(p.type),
      accountId: String(p.accountId),
      fromAccountId: String(p.fromAccountId),
      statusId: typeof p.statusId === 'string' ? p.statusId : null,
    });
  });
}
