// Reading direct conversations: rows, their participants and last statuses, in bulk.
import type { AppContext } from '../../context.ts';
import { findAccountsByIds } from '../../db/repos/accounts.ts';
import { deleteConversation, findConversation, markConversationRead, type ConversationRow } from '../../db/repos/conversations.ts';
import type { AccountRow } from '../../db/schema.ts';
import { notFound } from '../../domain/errors.ts';
import { isId } from '../../domain/ids.ts';
import { renderStatuses } from '../../hydration/render-statuses.ts';
import { serializeAccount } from '../../serializers/account.ts';
import { serializeConversation, type ConversationJson } from '../../serializers/conversation.ts';

const participants = (c: ConversationRow): string[] => {
  try {
    const v = JSON.parse(c.participant_ids) as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};

export async function renderConversations(ctx: AppContext, viewer: AccountRow, rows: ConversationRow[]): Promise<ConversationJson[]> {
  const accounts = new Map((await findAccountsByIds(ctx.db, rows.flatMap(participants))).map((a) => [a.id, serializeAccount(ctx.config, a)]));
  const statuses = new Map((await renderStatuses(ctx, rows.map((r) => r.last_status_id), viewer)).map((s) => [s.id, s]));
  return rows.flatMap((r) => {
    const last = statuses.get(r.last_status_id);
    // A conversation whose last status the viewer can no longer see is left out.
    if (!last) return [];
    return [serializeConversation(r, participants(r).flatMap((id) => (accounts.has(id) ? [accounts.get(id)!] : [])), last)];
  });
}

async function owned(ctx: AppContext, viewer: AccountRow, id: string): Promise<ConversationRow> {
  const row = isId(id) ? await findConversation(ctx.db, viewer.id, id) : undefined;
  if (!row) throw notFound();
  return row;
}

export async function readConversation(ctx: AppContext, viewer: AccountRow, id: string): Promise<ConversationJson> {
  const row = await owned(ctx, viewer, id);
  await markConversationRead(ctx.db, row.id);
  const [json] = await renderConversations(ctx, viewer, [{ ...row, unread: 0 }]);
  if (!json) throw notFound();
  return json;
}

export async function removeConversation(ctx: AppContext, viewer: AccountRow, id: string): Promise<void> {
  const row = await owned(ctx, viewer, id);
  await deleteConversation(ctx.db, row.id);
}
