// Direct conversations: one row per participant, advanced by each direct status.
import type { AppContext } from '../context.ts';
import { upsertConversation } from '../db/repos/conversations.ts';
import type { StatusRow } from '../db/schema.ts';
import { newId } from '../domain/ids.ts';
import { channel } from '../infra/streams.ts';
import { visibleStatusIds } from '../services/authorization/status-visibility.ts';
import { findAccountsByIds } from '../db/repos/accounts.ts';

export async function updateConversations(ctx: AppContext, status: StatusRow, mentionIds: string[]): Promise<void> {
  const participants = await findAccountsByIds(ctx.db, [status.account_id, ...mentionIds]);
  for (const p of participants) {
    if (p.domain !== null) continue;
    // Someone who blocks the author (or is blocked) does not get the conversation.
    if (!(await visibleStatusIds(ctx, [status], p)).has(status.id)) continue;
    const others = participants.filter((o) => o.id !== p.id).map((o) => o.id).sort();
    const id = await upsertConversation(ctx.db, {
      id: newId(ctx.clock.now().getTime()),
      account_id: p.id,
      conversation_id: status.conversation_id,
      participant_ids: JSON.stringify(others),
      last_status_id: status.id,
      unread: p.id === status.account_id ? 0 : 1,
      updated_at: ctx.clock.now().toISOString(),
    });
    await ctx.events.publish(channel.direct(p.id), { event: 'conversation', conversationId: id });
  }
}
