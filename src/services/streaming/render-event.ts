// Turns a bus event into what one subscriber receives, or null when that subscriber must not
// get it: statuses are rendered for the viewer (so visibility applies) and dropped when the
// viewer blocks or mutes an account they involve.
import type { AppContext } from '../../context.ts';
import type { FilterContext } from '../../serializers/filter.ts';
import { blockedAmong } from '../../db/repos/blocks.ts';
import { activeMutes } from '../../db/repos/mutes.ts';
import { findConversation } from '../../db/repos/conversations.ts';
import { findNotificationsByIds } from '../../db/repos/notifications.ts';
import type { AccountRow } from '../../db/schema.ts';
import { renderStatuses } from '../../hydration/render-statuses.ts';
import type { StreamEvent } from '../../infra/event-bus.ts';
import type { StatusJson } from '../../serializers/status.ts';
import { renderConversations } from '../conversations/conversations.ts';
import { renderNotifications } from '../notifications/read-notifications.ts';

export interface Outgoing {
  event: string;
  /** A JSON document as a string, or a bare id for delete; absent for filters_changed. */
  payload?: string;
}

function involvedAccounts(s: StatusJson): string[] {
  const ids = [s.account.id, ...s.mentions.map((m) => m.id)];
  if (s.reblog) ids.push(s.reblog.account.id, ...s.reblog.mentions.map((m) => m.id));
  return [...new Set(ids)];
}

async function silencedFor(ctx: AppContext, viewer: AccountRow, accountIds: string[]): Promise<boolean> {
  const others = accountIds.filter((id) => id !== viewer.id);
  if (others.length === 0) return false;
  if ((await blockedAmong(ctx.db, viewer.id, others)).size > 0) return true;
  return (await activeMutes(ctx.db, viewer.id, others, ctx.clock.now().toISOString())).length > 0;
}

async function renderStatusEvent(ctx: AppContext, viewer: AccountRow, statusId: string, mediaOnly: boolean, filterContext: FilterContext): Promise<string | null> {
  // The viewer's filters apply as in the timeline the stream mirrors (hide drops the event).
  const [json] = await renderStatuses(ctx, [statusId], viewer, { filterContext });
  if (!json) return null;
  if (mediaOnly && (json.reblog ?? json).media_attachments.length === 0) return null;
  if (await silencedFor(ctx, viewer, involvedAccounts(json))) return null;
  return JSON.stringify(json);
}

/** The Notification entity, rendered by the notifications service, for the recipient only. */
async function renderNotificationEvent(ctx: AppContext, viewer: AccountRow, notificationId: string): Promise<string | null> {
  const rows = await findNotificationsByIds(ctx.db, [notificationId]);
  const own = rows.filter((n) => n.account_id === viewer.id);
  const [json] = await renderNotifications(ctx, viewer, own);
  return json ? JSON.stringify(json) : null;
}

export async function renderEventFor(ctx: AppContext, viewer: AccountRow, e: StreamEvent, opts: { mediaOnly: boolean; filterContext: FilterContext }): Promise<Outgoing | null> {
  switch (e.event) {
    case 'update':
    case 'status.update': {
      if (!e.statusId) return null;
      const payload = await renderStatusEvent(ctx, viewer, e.statusId, opts.mediaOnly, opts.filterContext);
      return payload === null ? null : { event: e.event, payload };
    }
    case 'delete':
      return e.statusId ? { event: 'delete', payload: e.statusId } : null;
    case 'notification': {
      if (!e.notificationId) return null;
      const payload = await renderNotificationEvent(ctx, viewer, e.notificationId);
      return payload === null ? null : { event: 'notification', payload };
    }
    case 'conversation': {
      // findConversation is scoped to the viewer: someone else's row renders nothing.
      const row = e.conversationId ? await findConversation(ctx.db, viewer.id, e.conversationId) : undefined;
      const [json] = row ? await renderConversations(ctx, viewer, [row]) : [];
      return json ? { event: 'conversation', payload: JSON.stringify(json) } : null;
    }
    case 'filters_changed':
    case 'notifications_merged':
      return { event: e.event };
    default:
      // Announcement events come with announcements.
      return null;
  }
}
