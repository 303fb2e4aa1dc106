// A deleted status: tell every stream that could have shown it. The rows are already gone
// (feed entries and notifications cascade), so the audience comes from the job payload.
import type { AppContext } from '../context.ts';
import { channel } from '../infra/streams.ts';
import { conversationsEndingWith, deleteConversation, latestDirectStatusIn, setConversationLastStatus } from '../db/repos/conversations.ts';

export interface DeletePayload {
  statusId: string;
  accountId: string;
  visibility: string;
  tagNames: string[];
  audienceIds: string[];
  /** Lists whose feeds held the status (absent in jobs queued before lists were tracked). */
  listIds?: string[];
}

export async function fanOutDelete(ctx: AppContext, p: DeletePayload): Promise<void> {
  const event = { event: 'delete', statusId: p.statusId };
  for (const id of new Set([p.accountId, ...p.audienceIds])) await ctx.events.publish(channel.user(id), event);
  for (const listId of p.listIds ?? []) await ctx.events.publish(channel.list(listId), event);
  if (p.visibility === 'public' || p.visibility === 'unlisted') {
    await ctx.events.publish(channel.public(), event);
    await ctx.events.publish(channel.publicLocal(), event);
    for (const name of p.tagNames) {
      await ctx.events.publish(channel.hashtag(name), event);
      await ctx.events.publish(channel.hashtagLocal(name), event);
    }
  }
  if (p.visibility === 'direct') await deleteConversationsPointingAt(ctx, p.statusId);
}

/** Conversations whose last status was deleted fall back to the previous one, or disappear. */
async function deleteConversationsPointingAt(ctx: AppContext, statusId: string): Promise<void> {
  for (const c of await conversationsEndingWith(ctx.db, statusId)) {
    const previous = await latestDirectStatusIn(ctx.db, c.conversation_id);
    if (previous) await setConversationLastStatus(ctx.db, c.id, previous);
    else await deleteConversation(ctx.db, c.id);
  }
}
