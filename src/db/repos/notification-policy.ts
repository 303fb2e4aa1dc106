// Notification policies, the senders a recipient accepted for good, and the facts about a sender
// that the policy rules read (follows both ways, private mentions up a thread).
import { sql } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { Db } from '../client.ts';
import type { NotificationPolicyRow } from '../schema.ts';

export async function findNotificationPolicy(db: Db, accountId: string): Promise<NotificationPolicyRow | undefined> {
  return db.selectFrom('notification_policies').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

export async function saveNotificationPolicy(db: Db, row: NotificationPolicyRow): Promise<void> {
  const { account_id: _, ...rules } = row;
  await db.insertInto('notification_policies').values(row).onConflict((oc) => oc.column('account_id').doUpdateSet(rules)).execute();
}

export async function hasNotificationPermission(db: Db, accountId: string, fromAccountId: string): Promise<boolean> {
  const row = await db.selectFrom('notification_permissions').select('account_id').where('account_id', '=', accountId).where('from_account_id', '=', fromAccountId).executeTakeFirst();
  return row !== undefined;
}

export async function grantNotificationPermissions(exec: Executor, accountId: string, fromAccountIds: string[], now: string): Promise<void> {
  if (fromAccountIds.length === 0) return;
  await exec
    .insertInto('notification_permissions')
    .values(fromAccountIds.map((from) => ({ account_id: accountId, from_account_id: from, created_at: now })))
    .onConflict((oc) => oc.columns(['account_id', 'from_account_id']).doNothing())
    .execute();
}

export interface FollowFacts {
  /** The recipient follows the sender. */
  recipientFollows: boolean;
  /** When the sender started following the recipient, or null. */
  senderFollowsSince: string | null;
}

export async function followFacts(db: Db, recipientId: string, senderId: string): Promise<FollowFacts> {
  const rows = await db
    .selectFrom('follows')
    .select(['account_id', 'created_at'])
    .where((eb) =>
      eb.or([
        eb.and([eb('account_id', '=', recipientId), eb('target_account_id', '=', senderId)]),
        eb.and([eb('account_id', '=', senderId), eb('target_account_id', '=', recipientId)]),
      ]),
    )
    .execute();
  return {
    recipientFollows: rows.some((r) => r.account_id === recipientId),
    senderFollowsSince: rows.find((r) => r.account_id === senderId)?.created_at ?? null,
  };
}

/** How far up a thread a reply is checked for the recipient's private mention of the sender. */
const THREAD_DEPTH = 100;

/**
 * Whether the status `inReplyToId`, or one of its ancestors, is a direct post by the recipient
 * that mentions the sender: a reply in a private conversation the recipient started or joined.
 */
export async function privateMentionUpThread(db: Db, inReplyToId: string, recipientId: string, senderId: string): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    with recursive ancestors (id, in_reply_to_id, depth) as (
      select id, in_reply_to_id, 0 from statuses where id = ${inReplyToId}
      union all
      select s.id, s.in_reply_to_id, a.depth + 1 from ancestors a join statuses s on s.id = a.in_reply_to_id where a.depth < ${THREAD_DEPTH}
    )
    select s.id from ancestors a
      join statuses s on s.id = a.id
      join mentions m on m.status_id = s.id and m.account_id = ${senderId} and m.silent = 0
    where s.account_id = ${recipientId} and s.visibility = 'direct'
    limit 1`.execute(db);
  return rows.length > 0;
}
