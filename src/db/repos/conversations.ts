// Per-participant direct-message conversations (Mastodon's AccountConversation).
import type { Selectable } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { Db } from '../client.ts';
import type { ConversationsTable } from '../schema.ts';
import { pageBy, type IdPage } from './paging.ts';

export type ConversationRow = Selectable<ConversationsTable>;

/** Creates or advances the participant's row; returns its id. */
export async function upsertConversation(
  exec: Executor,
  row: { id: string; account_id: string; conversation_id: string; participant_ids: string; last_status_id: string; unread: 0 | 1; updated_at: string },
): Promise<string> {
  const existing = await exec.selectFrom('conversations').selectAll().where('account_id', '=', row.account_id).where('conversation_id', '=', row.conversation_id).executeTakeFirst();
  if (!existing) {
    await exec.insertInto('conversations').values(row).onConflict((oc) => oc.columns(['account_id', 'conversation_id']).doNothing()).execute();
    return row.id;
  }
  // A re-run for an older status must not move the conversation backwards.
  const newer = row.last_status_id >= existing.last_status_id;
  await exec
    .updateTable('conversations')
    .set({
      participant_ids: row.participant_ids,
      last_status_id: newer ? row.last_status_id : existing.last_status_id,
      unread: newer && row.last_status_id !== existing.last_status_id ? row.unread : existing.unread,
      updated_at: newer ? row.updated_at : existing.updated_at,
    })
    .where('id', '=', existing.id)
    .execute();
  return existing.id;
}

export async function conversationsPage(db: Db, accountId: string, page: IdPage): Promise<ConversationRow[]> {
  // Paged by the last status id, newest conversation first, as Mastodon does.
  return pageBy(db.selectFrom('conversations').selectAll().where('account_id', '=', accountId), 'last_status_id', page);
}

export async function findConversation(db: Db, accountId: string, id: string): Promise<ConversationRow | undefined> {
  return db.selectFrom('conversations').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

export async function markConversationRead(db: Db, id: string): Promise<void> {
  await db.updateTable('conversations').set({ unread: 0 }).where('id', '=', id).execute();
}

export async function deleteConversation(db: Db, id: string): Promise<void> {
  await db.deleteFrom('conversations').where('id', '=', id).execute();
}

/** Latest remaining direct status of a conversation (after the last one was deleted). */
export async function latestDirectStatusIn(db: Db, conversationId: string): Promise<string | undefined> {
  const r = await db.selectFrom('statuses').select('id').where('conversation_id', '=', conversationId).where('visibility', '=', 'direct').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r?.id;
}

export async function conversationsEndingWith(db: Db, statusId: string): Promise<ConversationRow[]> {
  return db.selectFrom('conversations').selectAll().where('last_status_id', '=', statusId).execute();
}

export async function setConversationLastStatus(db: Db, id: string, lastStatusId: string): Promise<void> {
  await db.updateTable('conversations').set({ last_status_id: lastStatusId }).where('id', '=', id).execute();
}
