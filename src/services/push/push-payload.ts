// The JSON a push carries, in Mastodon's shape. Parley stores only hashes of access tokens, so
// `access_token` stays empty: the receiving client already holds its own token.
import type { WebPushPayloadJson } from '../../../api/entities.ts';
import type { AccountRow, NotificationRow, StatusRow } from '../../db/schema.ts';
import { plainExcerpt } from '../../text/plain-excerpt.ts';

const TITLES: Record<string, (name: string) => string> = {
  mention: (n) => `You were mentioned by ${n}`,
  status: (n) => `${n} just posted`,
  reblog: (n) => `${n} boosted your post`,
  quote: (n) => `${n} quoted your post`,
  follow: (n) => `${n} followed you`,
  follow_request: (n) => `${n} has requested to follow you`,
  favourite: (n) => `${n} favourited your post`,
  poll: () => 'A poll has ended',
  update: (n) => `${n} edited a post`,
  quoted_update: (n) => `${n} edited a post you quoted`,
};

export function buildPushPayload(input: { notification: NotificationRow; from: AccountRow; status: StatusRow | null; locale: string; icon: string }): WebPushPayloadJson {
  const { notification, from, status } = input;
  const name = from.display_name.trim() || from.username;
  const title = (TITLES[notification.type] ?? ((n: string) => `New notification from ${n}`))(name);
  const body = status ? (status.spoiler_text ? status.spoiler_text : plainExcerpt(status.content_html, 140)) : plainExcerpt(from.note_html, 140) || `@${from.username}`;
  return {
    access_token: '',
    preferred_locale: input.locale,
    notification_id: notification.id,
    notification_type: notification.type,
    icon: input.icon,
    title,
    body,
  };
}
