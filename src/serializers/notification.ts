// Mastodon's Notification entity (v1) and the grouped notifications of the v2 API.
import type { NotificationRow } from '../db/schema.ts';
import type { AccountJson } from './account.ts';
import type { StatusJson } from './status.ts';
import type { AccountWarningJson, ReportJson, NotificationJson, NotificationGroupJson, GroupedNotificationsJson } from '../../api/entities.ts';
export type { NotificationJson, NotificationGroupJson, GroupedNotificationsJson };

export const GROUPABLE_TYPES = ['favourite', 'reblog', 'follow'] as const;
/** Like Mastodon, a group spans at most this many hours; ours are fixed windows so keys need no storage. */
const GROUP_SPAN_MS = 12 * 3600_000;

/** The group a notification belongs to, when its type is grouped (see `grouped_types`). */
export function groupKeyOf(n: NotificationRow, groupedTypes: readonly string[] = GROUPABLE_TYPES): string {
  if (!groupedTypes.includes(n.type) || !(GROUPABLE_TYPES as readonly string[]).includes(n.type)) return `ungrouped-${n.id}`;
  const bucket = Math.floor(Date.parse(n.created_at) / GROUP_SPAN_MS) * 12;
  return n.type === 'follow' ? `follow-${bucket}` : `${n.type}-${n.status_id}-${bucket}`;
}

export type ParsedGroupKey =
  | { kind: 'single'; id: string }
  | { kind: 'group'; type: string; statusId: string | null; from: string; to: string };

/** The inverse of groupKeyOf: which notifications a key stands for. */
export function parseGroupKey(key: string): ParsedGroupKey | null {
  let m = /^ungrouped-([0-9A-HJKMNP-TV-Z]{26})$/.exec(key);
  if (m) return { kind: 'single', id: m[1]! };
  m = /^(?:(favourite|reblog)-([0-9A-HJKMNP-TV-Z]{26})|(follow))-(\d{1,9})$/.exec(key);
  if (!m) return null;
  const startMs = (Number(m[4]) / 12) * GROUP_SPAN_MS;
  if (!Number.isInteger(Number(m[4]) / 12)) return null;
  return {
    kind: 'group',
    type: m[1] ?? m[3]!,
    statusId: m[2] ?? null,
    from: new Date(startMs).toISOString(),
    to: new Date(startMs + GROUP_SPAN_MS).toISOString(),
  };
}

export function serializeNotification(n: NotificationRow, account: AccountJson, status: StatusJson | undefined, warning?: AccountWarningJson, report?: ReportJson): NotificationJson {
  const json: NotificationJson = { id: n.id, type: n.type, created_at: n.created_at, group_key: groupKeyOf(n), account };
  if (status) json.status = status;
  if (warning) json.moderation_warning = warning;
  if (report) json.report = report;
  return json;
}
