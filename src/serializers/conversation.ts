// Mastodon's Conversation entity.
import type { AccountJson } from './account.ts';
import type { StatusJson } from './status.ts';
import type { ConversationJson } from '../../api/entities.ts';
export type { ConversationJson };

export function serializeConversation(c: { id: string; unread: number }, accounts: AccountJson[], lastStatus: StatusJson | null): ConversationJson {
  return { id: c.id, unread: c.unread === 1, accounts, last_status: lastStatus };
}
