// Mastodon's API entities as Parley serves them: the contract shared by the server's serializers
// and the web client (which imports nothing else of the server).

export interface FieldJson {
  name: string;
  value: string;
  verified_at: string | null;
}

export interface RoleJson {
  id: string;
  name: string;
  color: string;
  permissions?: string;
  highlighted?: boolean;
}

export interface AccountJson {
  id: string;
  username: string;
  acct: string;
  display_name: string;
  locked: boolean;
  bot: boolean;
  discoverable: boolean;
  indexable: boolean;
  group: boolean;
  created_at: string;
  note: string;
  url: string;
  uri: string;
  avatar: string;
  avatar_static: string;
  header: string;
  header_static: string;
  followers_count: number;
  following_count: number;
  statuses_count: number;
  last_status_at: string | null;
  hide_collections: boolean;
  noindex: boolean;
  emojis: never[];
  roles: RoleJson[];
  fields: FieldJson[];
  suspended?: boolean;
}

export interface CredentialAccountJson extends AccountJson {
  source: {
    privacy: string;
    sensitive: boolean;
    language: string | null;
    note: string;
    fields: FieldJson[];
    follow_requests_count: number;
    hide_collections: boolean;
    /** Parley: the person's posts are hidden from people who are not signed in. */
    hide_from_logged_out: boolean;
    discoverable: boolean;
    indexable: boolean;
    quote_policy: string;
    attribution_domains: string[];
  };
  role: RoleJson & { permissions: string; highlighted: boolean };
}

export interface ApplicationJson {
  id?: string;
  name: string;
  website: string | null;
  scopes?: string[];
  redirect_uri?: string;
  redirect_uris?: string[];
  vapid_key?: string;
  client_id?: string;
  client_secret?: string;
  client_secret_expires_at?: number;
}

export interface PollJson {
  id: string;
  expires_at: string | null;
  expired: boolean;
  multiple: boolean;
  votes_count: number;
  voters_count: number | null;
  options: { title: string; votes_count: number | null }[];
  emojis: never[];
  voted?: boolean;
  own_votes?: number[];
}

export interface StatusTagJson {
  name: string;
  url: string;
}

export interface StatusMentionJson {
  id: string;
  username: string;
  url: string;
  acct: string;
}

export interface QuoteApprovalJson {
  automatic: string[];
  manual: string[];
  current_user: 'automatic' | 'manual' | 'denied' | 'unknown';
}

export interface QuoteJson {
  state: string;
  quoted_status: StatusJson | null;
}

export interface ShallowQuoteJson {
  state: string;
  quoted_status_id: string | null;
}

export type FilterContext = 'home' | 'notifications' | 'public' | 'thread' | 'account';
export type FilterAction = 'warn' | 'hide' | 'blur';

export interface FilterKeywordJson {
  id: string;
  keyword: string;
  whole_word: boolean;
}

export interface FilterStatusJson {
  id: string;
  status_id: string;
}

/** Mastodon's Filter (v2). `keywords` and `statuses` are left out inside a FilterResult. */
export interface FilterJson {
  id: string;
  title: string;
  context: FilterContext[];
  expires_at: string | null;
  filter_action: FilterAction;
  keywords?: FilterKeywordJson[];
  statuses?: FilterStatusJson[];
}

export interface FilterResultJson {
  filter: FilterJson;
  keyword_matches: string[] | null;
  status_matches: string[] | null;
}

/** The deprecated v1 Filter: one keyword of a v2 filter. */
export interface V1FilterJson {
  id: string;
  phrase: string;
  context: FilterContext[];
  whole_word: boolean;
  expires_at: string | null;
  irreversible: boolean;
}

export interface StatusJson {
  id: string;
  created_at: string;
  in_reply_to_id: string | null;
  in_reply_to_account_id: string | null;
  sensitive: boolean;
  spoiler_text: string;
  visibility: string;
  language: string | null;
  uri: string;
  url: string | null;
  replies_count: number;
  reblogs_count: number;
  favourites_count: number;
  quotes_count: number;
  edited_at: string | null;
  favourited?: boolean;
  reblogged?: boolean;
  muted?: boolean;
  bookmarked?: boolean;
  pinned?: boolean;
  content: string;
  /** For a signed-in viewer: the viewer's filters this status matched where it is shown. */
  filtered?: FilterResultJson[];
  reblog: StatusJson | null;
  application?: ApplicationJson | null;
  account: AccountJson;
  media_attachments: MediaAttachmentJson[];
  mentions: StatusMentionJson[];
  tags: StatusTagJson[];
  emojis: never[];
  quote: QuoteJson | ShallowQuoteJson | null;
  quote_approval: QuoteApprovalJson;
  card: null;
  poll: PollJson | null;
  /** Only in the answer to DELETE (for delete-and-redraft). */
  text?: string;
}

// Mastodon's Relationship entity: the viewer's relation to one account.
export interface RelationshipJson {
  id: string;
  following: boolean;
  showing_reblogs: boolean;
  notifying: boolean;
  languages: string[] | null;
  followed_by: boolean;
  blocking: boolean;
  blocked_by: boolean;
  muting: boolean;
  muting_notifications: boolean;
  muting_expires_at: string | null;
  requested: boolean;
  requested_by: boolean;
  domain_blocking: boolean;
  endorsed: boolean;
  note: string;
}

export interface ListJson {
  id: string;
  title: string;
  replies_policy: string;
  exclusive: boolean;
}

export interface MarkerJson {
  last_read_id: string;
  version: number;
  updated_at: string;
}

export interface ConversationJson {
  id: string;
  unread: boolean;
  accounts: AccountJson[];
  last_status: StatusJson | null;
}

export interface TagHistoryJson {
  day: string;
  uses: string;
  accounts: string;
}

export interface TagJson {
  id: string;
  name: string;
  url: string;
  history: TagHistoryJson[];
  following?: boolean;
  featuring?: boolean;
}

export interface FeaturedTagJson {
  id: string;
  name: string;
  url: string;
  statuses_count: string;
  last_status_at: string | null;
}

export interface NotificationJson {
  id: string;
  type: string;
  created_at: string;
  group_key: string;
  account: AccountJson;
  status?: StatusJson;
  /** For type moderation_warning: the strike. */
  moderation_warning?: AccountWarningJson;
  /** For type admin.report (to moderators): the report. */
  report?: ReportJson;
}

export interface NotificationGroupJson {
  group_key: string;
  notifications_count: number;
  type: string;
  most_recent_notification_id: string;
  page_min_id: string;
  page_max_id: string;
  latest_page_notification_at: string;
  sample_account_ids: string[];
  status_id?: string;
  moderation_warning?: AccountWarningJson;
  report?: ReportJson;
}

export interface GroupedNotificationsJson {
  accounts: AccountJson[];
  statuses: StatusJson[];
  notification_groups: NotificationGroupJson[];
}

/** What a notification policy rule does with matching notifications. */
export type NotificationPolicyValue = 'accept' | 'filter' | 'drop';

export interface NotificationPolicySummaryJson {
  pending_requests_count: number;
  pending_notifications_count: number;
}

// Mastodon's NotificationPolicy entity (GET /api/v2/notifications/policy).
export interface NotificationPolicyJson {
  for_not_following: NotificationPolicyValue;
  for_not_followers: NotificationPolicyValue;
  for_new_accounts: NotificationPolicyValue;
  for_private_mentions: NotificationPolicyValue;
  for_limited_accounts: NotificationPolicyValue;
  summary: NotificationPolicySummaryJson;
}

// The older shape of GET /api/v1/notifications/policy: true for a rule that does not accept.
export interface NotificationPolicyV1Json {
  filter_not_following: boolean;
  filter_not_followers: boolean;
  filter_new_accounts: boolean;
  filter_private_mentions: boolean;
  summary: NotificationPolicySummaryJson;
}

// Mastodon's NotificationRequest entity: filtered notifications from one account.
export interface NotificationRequestJson {
  id: string;
  created_at: string;
  updated_at: string;
  /** A string, as Mastodon serves it. */
  notifications_count: string;
  account: AccountJson;
  last_status: StatusJson | null;
}

// Mastodon's Rule entity.
export interface RuleJson {
  id: string;
  text: string;
  hint: string;
  translations: Record<string, { text: string; hint: string }>;
}

/** Mastodon's MediaAttachment. `url` is null while a video is still processing (POST /api/v2/media answered 202). */
export interface MediaAttachmentJson {
  id: string;
  type: 'image' | 'gifv' | 'video' | 'audio' | 'unknown';
  url: string | null;
  preview_url: string | null;
  remote_url: null;
  preview_remote_url: null;
  text_url: null;
  meta: MediaMetaJson | null;
  description: string | null;
  blurhash: string | null;
}

export interface MediaSizeJson {
  width?: number;
  height?: number;
  size?: string;
  aspect?: number;
  frame_rate?: string;
  duration?: number;
  bitrate?: number;
}

export interface MediaMetaJson {
  length?: string;
  duration?: number;
  fps?: number;
  size?: string;
  width?: number;
  height?: number;
  aspect?: number;
  audio_encode?: string;
  audio_bitrate?: string;
  audio_channels?: string;
  original?: MediaSizeJson;
  small?: MediaSizeJson;
  /** Focal point, each from -1.0 to 1.0 (x: left to right, y: bottom to top). */
  focus?: { x: number; y: number };
}

export interface StatusEditJson {
  content: string;
  spoiler_text: string;
  sensitive: boolean;
  created_at: string;
  account: AccountJson;
  poll: { options: { title: string }[] } | null;
  media_attachments: MediaAttachmentJson[];
  emojis: never[];
}

export interface StatusSourceJson {
  id: string;
  text: string;
  spoiler_text: string;
}

/** What POST /api/v1/statuses received, as stored for later publication. */
export interface ScheduledParams {
  text: string;
  spoiler_text: string | null;
  sensitive: boolean | null;
  visibility: string | null;
  language: string | null;
  in_reply_to_id: string | null;
  quoted_status_id: string | null;
  quote_approval_policy: string | null;
  poll: { options: string[]; expires_in: number; multiple: boolean; hide_totals: boolean } | null;
  media_ids: string[] | null;
  scheduled_at: string | null;
  application_id: string | null;
  idempotency: string | null;
  with_rate_limit: boolean;
}

export interface ScheduledStatusJson {
  id: string;
  scheduled_at: string;
  params: ScheduledParams;
  media_attachments: MediaAttachmentJson[];
}

export interface SearchJson {
  accounts: AccountJson[];
  statuses: StatusJson[];
  hashtags: TagJson[];
}

export const PUSH_ALERT_TYPES = ['mention', 'quote', 'status', 'reblog', 'follow', 'follow_request', 'favourite', 'poll', 'update', 'quoted_update', 'admin.sign_up', 'admin.report'] as const;
export type PushAlertType = (typeof PUSH_ALERT_TYPES)[number];
export type PushPolicy = 'all' | 'followed' | 'follower' | 'none';

export interface WebPushSubscriptionJson {
  id: string;
  endpoint: string;
  /** true: RFC 8291 (aes128gcm) payloads; false: the legacy aesgcm draft. */
  standard: boolean;
  alerts: Record<PushAlertType, boolean>;
  policy: PushPolicy;
  server_key: string;
}

/** What the server encrypts and pushes for a notification (decrypted by the service worker). */
export interface WebPushPayloadJson {
  /** Parley keeps only hashes of access tokens, so this is always empty: use the client's own token. */
  access_token: string;
  preferred_locale: string;
  notification_id: string;
  notification_type: string;
  icon: string;
  title: string;
  body: string;
}

export type ReportCategory = 'spam' | 'legal' | 'violation' | 'other';

export interface ReportJson {
  id: string;
  action_taken: boolean;
  action_taken_at: string | null;
  category: ReportCategory;
  comment: string;
  forwarded: boolean;
  created_at: string;
  status_ids: string[] | null;
  rule_ids: string[] | null;
  target_account: AccountJson;
}

// Mastodon's Admin::Account: an account as moderators see it.
export interface AdminAccountJson {
  id: string;
  username: string;
  domain: string | null;
  created_at: string;
  email: string | null;
  ip: string | null;
  ips: never[];
  locale: string | null;
  invite_request: string | null;
  role: RoleJson & { permissions: string; highlighted: boolean };
  confirmed: boolean;
  approved: boolean;
  disabled: boolean;
  silenced: boolean;
  suspended: boolean;
  sensitized: boolean;
  account: AccountJson;
  created_by_application_id: string | null;
  invited_by_account_id: string | null;
}

/** What a report kept of a cited post, shown to moderators until the report is resolved. */
export interface ReportSnapshotJson {
  status_id: string;
  content: string;
  spoiler_text: string;
  visibility: string;
  created_at: string;
  /** The post itself is gone: only this copy is left. */
  deleted: boolean;
}

// Mastodon's Admin::Report, with Parley's queue fields (deadline, escalation, snapshots, notes).
export interface AdminReportJson extends Pick<ReportJson, 'id' | 'action_taken' | 'action_taken_at' | 'category' | 'comment' | 'forwarded' | 'created_at'> {
  updated_at: string;
  account: AdminAccountJson;
  target_account: AdminAccountJson;
  assigned_account: AdminAccountJson | null;
  action_taken_by_account: AdminAccountJson | null;
  statuses: StatusJson[];
  rules: RuleJson[];
  deadline_at: string | null;
  overdue: boolean;
  escalated_at: string | null;
  snapshots: ReportSnapshotJson[];
  notes: { id: string; content: string; created_at: string; account: AccountJson }[];
}

/** One entry of Parley's audit log of moderator and admin actions. */
export interface AdminActionLogJson {
  id: string;
  action: string;
  target_type: string;
  target_id: string;
  summary: string;
  created_at: string;
  /** null for what the server did by itself (e.g. escalating an overdue report). */
  account: AccountJson | null;
}

// Mastodon's AccountWarning (a strike) and Appeal.
export interface AppealJson {
  text: string;
  state: 'approved' | 'rejected' | 'pending';
}

export interface AccountWarningJson {
  id: string;
  action: 'none' | 'disable' | 'mark_statuses_as_sensitive' | 'delete_statuses' | 'sensitive' | 'silence' | 'suspend';
  text: string;
  status_ids: string[] | null;
  target_account: AccountJson;
  appeal: AppealJson | null;
  created_at: string;
  /** Parley: the instance rules the moderator cited, and whether an approved appeal overruled the strike. */
  rule_ids: string[];
  overruled: boolean;
}

/** An appeal in the moderators' queue (Parley). */
export interface AdminAppealJson {
  id: string;
  text: string;
  state: 'approved' | 'rejected' | 'pending';
  created_at: string;
  account: AccountJson;
  strike: AccountWarningJson;
}

// Mastodon's admin blocks: Admin::DomainBlock, Admin::DomainAllow, Admin::IpBlock,
// Admin::EmailDomainBlock, Admin::CanonicalEmailBlock, and the public DomainBlock.
export type DomainBlockSeverity = 'noop' | 'silence' | 'suspend';

export interface AdminDomainBlockJson {
  id: string;
  domain: string;
  /** SHA-256 hex of the domain. */
  digest: string;
  created_at: string;
  severity: DomainBlockSeverity;
  reject_media: boolean;
  reject_reports: boolean;
  private_comment: string | null;
  public_comment: string | null;
  obfuscate: boolean;
}

export interface DomainBlockJson {
  /** Partly starred out when the block is obfuscated. */
  domain: string;
  digest: string;
  severity: 'silence' | 'suspend';
  comment?: string;
}

export interface AdminDomainAllowJson {
  id: string;
  domain: string;
  created_at: string;
}

export type IpBlockSeverity = 'sign_up_requires_approval' | 'sign_up_block' | 'no_access';

export interface AdminIpBlockJson {
  id: string;
  /** CIDR: network address/prefix. */
  ip: string;
  severity: IpBlockSeverity;
  comment: string;
  created_at: string;
  expires_at: string | null;
}

/** Parley's admin view of a registered application (GET /api/v1/admin/apps). */
export interface AdminAppJson {
  id: string;
  name: string;
  website: string | null;
  /** Its users never see posts labelled sensitive or held for review (app-store builds). */
  store_safe: boolean;
  created_at: string;
  /** People holding a live token of the app. */
  users_count: number;
}

/** One UTC day (a Unix timestamp of its midnight) of sign-ups a block stopped. */
export interface BlockHistoryJson {
  day: string;
  accounts: string;
  uses: string;
}

export interface AdminEmailDomainBlockJson {
  id: string;
  domain: string;
  created_at: string;
  history: BlockHistoryJson[];
  /** Sign-ups from the domain are held for approval instead of refused. */
  allow_with_approval: boolean;
}

export interface AdminCanonicalEmailBlockJson {
  id: string;
  canonical_email_hash: string;
}

// Mastodon's dashboard data: Admin::Measure, Admin::Dimension, Admin::Cohort.
export interface AdminMeasureJson {
  key: string;
  unit: string | null;
  total: string;
  human_value?: string;
  previous_total?: string;
  data: { date: string; value: string }[];
}

export interface AdminDimensionJson {
  key: string;
  data: { key: string; human_key: string; value: string; unit?: string; human_value?: string }[];
}

export interface AdminCohortJson {
  period: string;
  frequency: 'day' | 'month';
  data: { date: string; rate: number; value: string }[];
}

/** Mastodon's Admin::Tag, as the trends review lists it. */
export interface AdminTagJson extends TagJson {
  trendable: boolean;
  usable: boolean;
  requires_review: boolean;
}

/** An automated content-policy decision, for moderators to review (Parley). */
export interface PolicyDecisionJson {
  id: string;
  subject_type: 'status' | 'profile';
  subject_id: string;
  action: string;
  verdicts: { policy: string; action: string; reason?: string; score?: number }[];
  created_at: string;
  reviewed_at: string | null;
  outcome: 'approved' | 'rejected' | null;
  account: AccountJson;
  /** The post as it is (held posts included), or null for profiles and deleted posts. */
  status: { id: string; content: string; spoiler_text: string; visibility: string; created_at: string; held: boolean } | null;
}

/** Parley's account archive (POST/GET /api/v1/exports): Mastodon has no API for these. */
export interface ExportJson {
  id: string;
  state: 'pending' | 'ready' | 'failed';
  /** Bytes of the ZIP once it is ready. */
  size: number | null;
  created_at: string;
  finished_at: string | null;
  /** When the archive is erased. */
  expires_at: string;
  /** Needs the owner's token: archives are never at a public address. */
  download_url: string | null;
}

export type ImportType = 'following' | 'blocking' | 'muting' | 'lists' | 'bookmarks' | 'domain_blocking';

/** Parley's CSV import (POST/GET /api/v1/imports). */
export interface ImportJson {
  id: string;
  type: ImportType;
  mode: 'merge' | 'overwrite';
  state: 'pending' | 'processing' | 'finished' | 'failed';
  total_items: number;
  processed_items: number;
  imported_items: number;
  failed_items: number;
  created_at: string;
  finished_at: string | null;
  /** The rows that failed, as CSV, once the import has finished (until a day after first download). */
  failures_url: string | null;
}

/** Parley's invite (GET/POST /api/v1/parley/invites); names follow Mastodon's Invite model. */
export interface InviteJson {
  id: string;
  code: string;
  url: string;
  uses: number;
  max_uses: number | null;
  expires_at: string | null;
  autofollow: boolean;
  created_at: string;
  revoked_at: string | null;
  state: 'active' | 'revoked' | 'expired' | 'used_up';
  inviter: AccountJson;
}
