// Conversations an account muted (POST /api/v1/statuses/:id/mute).
import type { Executor } from '../../jobs/queue.ts';
import { newId } from '../../domain/ids.ts';

export async function muteConversation(exec: Executor, accountId: string, conversationId: string, now: string): Promise<void> {
  await exec
    .insertInto('conversation_mutes')
    .values({ id: newId(), account_id: accountId, conversation_id: conversationId, created_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'conversation_id']).doNothing())
    .execute();
}

export async function unmuteConversation(exec: Executor, accountId: string, conversationId: string): Promise<void> {
  await exec.deleteFrom('conversation_mutes').where('account_id', '=', accountId).where('conversation_id', '=', conversationId).execute();
}

/** Of `conversationIds`, those the account muted. */
export async function mutedConversationsAmong(db: Executor, accountId: string, conversationIds: readonly string[]): Promise<Set<string>> {
  if (conversationIds.length === 0) return new Set();
  const rows = await db.selectFrom('conversation_mutes').select('conversation_id').where('account_id', '=', accountId).where('conversation_id', 'in', [...new Set(conversationIds)]).execute();
  return new Set(rows.map((r) => r.conversation_id));
}
