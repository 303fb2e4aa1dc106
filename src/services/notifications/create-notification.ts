// Creates one notification, or none: never to oneself, never from someone the recipient blocks
// or mutes with notifications, never about a status that is gone, never twice. The recipient's
// notification policy then accepts it, filters it (stored, held in a request) or drops it.
import type { AppContext } from '../../context.ts';
import { findAccountsByIds } from '../../db/repos/accounts.ts';
import { blockedEitherWay } from '../../db/repos/blocks.ts';
import { activeMutes } from '../../db/repos/mutes.ts';
import { findSameNotification, insertNotification, statusExists } from '../../db/repos/notifications.ts';
import { newId } from '../../domain/ids.ts';
import { channel } from '../../infra/streams.ts';
import { enqueueWebPushes } from '../push/enqueue-pushes.ts';
import { recordFilteredNotification } from './notification-requests.ts';
import { decideByPolicy } from './policy-decision.ts';

export const NOTIFICATION_TYPES = ['mention', 'status', 'reblog', 'quote', 'favourite', 'follow', 'follow_request', 'poll', 'update', 'quoted_update', 'moderation_warning', 'admin.report'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export interface NotifyInput {
  type: string;
  accountId: string;
  fromAccountId: string;
  statusId?: string | null;
}

export async function createNotification(ctx: AppContext, input: NotifyInput): Promise<string | null> {
  if (!(NOTIFICATION_TYPES as readonly string[]).includes(input.type)) return null;
  // Poll results go to the author too, who is also the "from" account.
  if (input.accountId === input.fromAccountId && input.type !== 'poll') return null;
  const accounts = await findAccountsByIds(ctx.db, [input.accountId, input.fromAccountId]);
  if (accounts.length !== new Set([input.accountId, input.fromAccountId]).size || accounts.some((a) => a.suspended_at)) return null;
  if (input.accountId !== input.fromAccountId) {
    if (await blockedEitherWay(ctx.db, input.accountId, input.fromAccountId)) return null;
    const mutes = await activeMutes(ctx.db, input.accountId, [input.fromAccountId], ctx.clock.now().toISOString());
    if (mutes.some((m) => m.hide_notifications === 1)) return null;
  }
  const statusId = input.statusId ?? null;
  if (statusId) {
    if (!(await statusExists(ctx.db, statusId))) return null;
  }
  const row = { account_id: input.accountId, from_account_id: input.fromAccountId, type: input.type, status_id: statusId };
  if (await findSameNotification(ctx.db, row)) return null;
  const recipient = accounts.find((a) => a.id === input.accountId)!;
  const sender = accounts.find((a) => a.id === input.fromAccountId)!;
  const decision = await decideByPolicy(ctx, { recipient, sender, type: input.type, statusId });
  if (decision === 'drop') return null;
  const id = newId(ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await insertNotification(trx, { id, ...row, created_at: ctx.clock.now().toISOString(), filtered: decision === 'filter' ? 1 : 0 });
    // A filtered notification waits in its request: no Web Push, no stream event.
    if (decision === 'filter') await recordFilteredNotification(ctx, trx, row);
    else await enqueueWebPushes(ctx, trx, { id, ...row });
  });
  if (decision === 'accept') await ctx.events.publish(channel.user(input.accountId), { event: 'notification', notificationId: id });
  return id;
}
