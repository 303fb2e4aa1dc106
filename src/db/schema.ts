// Row types of every table. Conventions (the same on SQLite and PostgreSQL, see
// docs/decisions/0002-portable-schema.md): ids are ULID text, times are ISO-8601 UTC text
// (so they sort as strings), booleans are 0/1 integers, JSON is text.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

type Bool = 0 | 1;

export interface AccountsTable {
  id: string;
  username: string;
  /** Lower-cased username, unique among local accounts; kept after deletion to reserve the name. */
  username_lower: string;
  /** null for local accounts (federation comes later). */
  domain: string | null;
  display_name: string;
  /** The bio as the person typed it; note_html is what is served. */
  note: string;
  note_html: string;
  /** JSON array of {name, value, verified_at}. */
  fields: string;
  locked: Bool;
  bot: Bool;
  discoverable: Bool;
  indexable: Bool;
  hide_collections: Bool;
  /** The person hides their posts from people who are not signed in. */
  hide_from_logged_out: Generated<Bool>;
  /** Who may quote this account's posts by default: public | followers | nobody. */
  quote_policy: string;
  role: string;
  /** Storage keys of the processed avatar and header images (media_files), or null. */
  avatar_file: string | null;
  header_file: string | null;
  statuses_count: number;
  followers_count: number;
  following_count: number;
  last_status_at: string | null;
  suspended_at: string | null;
  /** Limited by a moderator: hidden from public timelines and from people who do not follow it. */
  silenced_at: string | null;
  /** A moderator marked all its media sensitive. */
  sensitized_at: string | null;
  /** Set when the account was deleted: the row keeps only the reserved username. */
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  account_id: string;
  email: string;
  email_lower: string;
  password_hash: string;
  confirmed_at: string | null;
  /** sha256 of the e-mail confirmation token. */
  confirmation_token_hash: string | null;
  confirmation_sent_at: string | null;
  approved: Bool;
  /** Text of the reason given at sign-up when registrations need approval. */
  sign_up_reason: string | null;
  locale: string;
  default_visibility: string;
  default_sensitive: Bool;
  default_language: string | null;
  created_at: string;
  last_sign_in_at: string | null;
  /** A moderator froze the login: the person cannot sign in or use the API. */
  disabled_at: string | null;
}

export interface AppsTable {
  id: string;
  name: string;
  website: string | null;
  /** Newline-separated list. */
  redirect_uris: string;
  scopes: string;
  client_id: string;
  client_secret: string;
  /** Set for applications made on the development page or the CLI. */
  owner_account_id: string | null;
  created_at: string;
  /** An admin flagged the app store-safe: its users never see sensitive or held posts. */
  store_safe: Generated<Bool>;
}

export interface OAuthCodesTable {
  code_hash: string;
  app_id: string;
  account_id: string;
  redirect_uri: string;
  scopes: string;
  code_challenge: string | null;
  code_challenge_method: string | null;
  expires_at: string;
  created_at: string;
}

export interface OAuthTokensTable {
  id: string;
  /** sha256 of the bearer token: a stolen database does not yield usable tokens. */
  token_hash: string;
  refresh_token_hash: string | null;
  app_id: string;
  /** null for client_credentials tokens. */
  account_id: string | null;
  scopes: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface StatusesTable {
  id: string;
  account_id: string;
  /** The post as written (Mastodon's `text` in the source); null for reblogs. */
  text: string | null;
  content_html: string;
  spoiler_text: string;
  sensitive: Bool;
  visibility: string;
  language: string | null;
  in_reply_to_id: string | null;
  in_reply_to_account_id: string | null;
  reblog_of_id: string | null;
  quote_of_id: string | null;
  /** pending | accepted | rejected | revoked | deleted (Mastodon 4.5 quote states) */
  quote_state: string | null;
  conversation_id: string;
  application_id: string | null;
  poll_id: string | null;
  replies_count: number;
  reblogs_count: number;
  favourites_count: number;
  quotes_count: number;
  /** Per-status override of who may quote it. */
  quote_policy: string;
  created_at: string;
  edited_at: string | null;
  /** Set while an automated content policy holds the post for a moderator: only the author sees it. */
  held_at: string | null;
}

export interface StatusEditsTable {
  id: string;
  status_id: string;
  account_id: string;
  text: string;
  content_html: string;
  spoiler_text: string;
  sensitive: Bool;
  /** JSON array of option titles, or null. */
  poll_options: string | null;
  /** JSON array of {id, description} of the attachments of this version, or null for none. */
  media: string | null;
  created_at: string;
}

export interface MentionsTable {
  status_id: string;
  account_id: string;
  silent: Bool;
}

export interface TagsTable {
  id: string;
  name: string;
  display_name: string;
  created_at: string;
  last_status_at: string | null;
}

export interface StatusTagsTable {
  status_id: string;
  tag_id: string;
}

export interface FavouritesTable {
  id: string;
  account_id: string;
  status_id: string;
  created_at: string;
}

export type BookmarksTable = FavouritesTable;
export type StatusPinsTable = FavouritesTable;

export interface PollsTable {
  id: string;
  status_id: string;
  account_id: string;
  /** JSON array of option titles. */
  options: string;
  multiple: Bool;
  hide_totals: Bool;
  expires_at: string | null;
  votes_count: number;
  voters_count: number;
  created_at: string;
}

export interface PollVotesTable {
  id: string;
  poll_id: string;
  account_id: string;
  choice: number;
  created_at: string;
}

export interface FollowsTable {
  id: string;
  account_id: string;
  target_account_id: string;
  show_reblogs: Bool;
  notify: Bool;
  /** JSON array of language codes, or null for all. */
  languages: string | null;
  created_at: string;
}

export type FollowRequestsTable = FollowsTable;

export interface BlocksTable {
  id: string;
  account_id: string;
  target_account_id: string;
  created_at: string;
}

export interface MutesTable {
  id: string;
  account_id: string;
  target_account_id: string;
  hide_notifications: Bool;
  expires_at: string | null;
  created_at: string;
}

export interface AccountNotesTable {
  account_id: string;
  target_account_id: string;
  comment: string;
  updated_at: string;
}

export interface ListsTable {
  id: string;
  account_id: string;
  title: string;
  replies_policy: string;
  exclusive: Bool;
  created_at: string;
}

export interface ListAccountsTable {
  list_id: string;
  account_id: string;
}

export interface TagFollowsTable {
  id: string;
  account_id: string;
  tag_id: string;
  created_at: string;
}

export interface FeaturedTagsTable {
  id: string;
  account_id: string;
  tag_id: string;
  created_at: string;
}

export interface AccountPinsTable {
  id: string;
  account_id: string;
  target_account_id: string;
  created_at: string;
}

/** Home and list feeds: one row per (feed, status). Designed to be replaced by a Redis store. */
export interface FeedEntriesTable {
  /** 'home:<account id>' or 'list:<list id>'. */
  feed: string;
  status_id: string;
  /** The original status for reblogs, to avoid showing one post twice. */
  reblog_of_id: string | null;
  account_id: string;
}

export interface NotificationsTable {
  id: string;
  account_id: string;
  from_account_id: string;
  type: string;
  status_id: string | null;
  created_at: string;
}

/**
 * The `filtered` column of notifications (0004): 1 when the recipient's notification policy held
 * it back. Kept apart from NotificationsTable so that NotificationRow (built by hand in places)
 * does not need it; inserts default it to 0.
 */
export interface NotificationFilteredColumn {
  filtered: Generated<Bool>;
  /** The strike a moderation_warning notification tells of (null for every other type). */
  account_warning_id: Generated<string | null>;
  /** The report an admin.report notification tells moderators of. */
  report_id: Generated<string | null>;
}

/** An account's notification policy; each rule is accept | filter | drop. No row: the defaults. */
export interface NotificationPoliciesTable {
  account_id: string;
  for_not_following: string;
  for_not_followers: string;
  for_new_accounts: string;
  for_private_mentions: string;
  for_limited_accounts: string;
  updated_at: string;
}

/** One per (recipient, sender) whose mentions were filtered; its counts are read live. */
export interface NotificationRequestsTable {
  id: string;
  account_id: string;
  from_account_id: string;
  last_status_id: string | null;
  created_at: string;
  updated_at: string;
}

/** Senders whose request the recipient accepted: their notifications skip the policy. */
export interface NotificationPermissionsTable {
  account_id: string;
  from_account_id: string;
  created_at: string;
}

export interface MarkersTable {
  account_id: string;
  timeline: string;
  last_read_id: string;
  version: number;
  updated_at: string;
}

export interface ConversationsTable {
  /** Per-viewer conversation row (Mastodon's AccountConversation). */
  id: string;
  account_id: string;
  conversation_id: string;
  /** JSON array of the other participants' account ids. */
  participant_ids: string;
  last_status_id: string;
  unread: Bool;
  updated_at: string;
}

export interface ScheduledStatusesTable {
  id: string;
  account_id: string;
  app_id: string | null;
  scheduled_at: string;
  /** JSON of the status parameters as submitted. */
  params: string;
  created_at: string;
}

export interface ConversationMutesTable {
  id: string;
  account_id: string;
  conversation_id: string;
  created_at: string;
}

export interface IdempotencyKeysTable {
  account_id: string;
  key: string;
  status_id: string;
  created_at: string;
}

export interface JobsTable {
  id: string;
  type: string;
  /** JSON payload; carries ids, never whole objects. */
  payload: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: string;
}

export interface InstanceRulesTable {
  id: string;
  text: string;
  hint: string;
  position: number;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  /** JSON value. */
  value: string;
  updated_at: string;
}

export interface SetupTokensTable {
  token_hash: string;
  purpose: string;
  expires_at: string;
  created_at: string;
}

/** Browser sessions of the server-rendered pages (OAuth consent, development page). */
export interface WebSessionsTable {
  /** sha256 of the random cookie value. */
  id: string;
  account_id: string;
  csrf_secret: string;
  created_at: string;
  expires_at: string;
  /** The browser that signed in (User-Agent, cut to 512 characters) and its address, for the sessions list. */
  user_agent: string | null;
  ip: string | null;
  /** Refreshed at most hourly (src/services/auth/web-sessions.ts). */
  last_used_at: string | null;
}

export interface SearchDocumentsTable {
  status_id: string;
  account_id: string;
  body: string;
}

/** Mastodon Web Push subscriptions: one per access token (the token's deletion removes it). */
export interface WebPushSubscriptionsTable {
  id: string;
  account_id: string;
  token_id: string;
  endpoint: string;
  /** Browser's P-256 public key and auth secret, base64url as the client sent them. */
  key_p256dh: string;
  key_auth: string;
  /** JSON object of notification type -> boolean. */
  alerts: string;
  /** all | followed | follower | none */
  policy: string;
  /** 1: RFC 8291 aes128gcm; 0: the legacy aesgcm draft. */
  standard: Bool;
  created_at: string;
  updated_at: string;
}

/** Reports of accounts (and some of their posts) to the moderators. */
export interface ReportsTable {
  id: string;
  account_id: string;
  target_account_id: string;
  comment: string;
  /** spam | legal | violation | other */
  category: string;
  /** JSON array of instance rule ids, or null. */
  rule_ids: string | null;
  forwarded: Bool;
  action_taken_at: string | null;
  created_at: string;
  updated_at: string;
  /** The moderator handling the report, if one took it. */
  assigned_account_id: string | null;
  /** Who resolved it (with action_taken_at); cleared when reopened. */
  action_taken_by_account_id: string | null;
  /** When a first response is due (filed + the configured response time). */
  deadline_at: string | null;
  /** When the overdue report was escalated to the admins. */
  escalated_at: string | null;
}

/** Moderators' internal notes on a report (never shown to the reporter or the reported). */
export interface ReportNotesTable {
  id: string;
  report_id: string;
  account_id: string;
  content: string;
  created_at: string;
}

/** The audit log: every moderator and admin action. Append-only (database triggers refuse changes). */
export interface AdminActionLogsTable {
  id: string;
  /** Who acted. */
  account_id: string;
  /** e.g. report.assign, report.resolve, report.note */
  action: string;
  /** report | account | status | ... */
  target_type: string;
  target_id: string;
  /** A readable line for the log view, written when the action happened. */
  summary: string;
  created_at: string;
}

/** A strike: what a moderator did to an account and why; the person sees it and may appeal once. */
export interface AccountWarningsTable {
  id: string;
  target_account_id: string;
  /** The moderator. */
  account_id: string;
  report_id: string | null;
  /** none (a warning) | sensitive | disable | silence | suspend | delete_statuses */
  action: string;
  text: string;
  /** JSON array of status ids, or null. */
  status_ids: string | null;
  /** JSON array of instance rule ids cited, or null. */
  rule_ids: string | null;
  /** Set when an appeal was approved: the strike no longer counts. */
  overruled_at: string | null;
  created_at: string;
}

export interface AppealsTable {
  id: string;
  account_warning_id: string;
  account_id: string;
  text: string;
  approved_at: string | null;
  rejected_at: string | null;
  decided_by_account_id: string | null;
  created_at: string;
}

/** An automated content-policy decision other than accept, for moderators to review. */
export interface PolicyDecisionsTable {
  id: string;
  account_id: string;
  subject_type: 'status' | 'profile';
  subject_id: string;
  action: string;
  /** JSON array of {policy, action, reason, score}. */
  verdicts: string;
  reviewed_at: string | null;
  reviewed_by_account_id: string | null;
  outcome: 'approved' | 'rejected' | null;
  created_at: string;
}

/** The reported posts, with a snapshot kept even if the author deletes the post. */
export interface ReportStatusesTable {
  report_id: string;
  /** No foreign key: the status may be deleted; the snapshot stays as evidence. */
  status_id: string;
  text: string | null;
  content_html: string;
  spoiler_text: string;
  visibility: string;
  status_created_at: string;
}

/** Password reset links: sha256 of the token, single use, short-lived. */
export interface PasswordResetsTable {
  token_hash: string;
  account_id: string;
  expires_at: string;
  created_at: string;
}

export interface MediaAttachmentsTable {
  id: string;
  account_id: string;
  /** The status it belongs to; kept (with position null) when an edit removes it, for the history. */
  status_id: string | null;
  scheduled_status_id: string | null;
  /** Order among the status's current attachments; null when not (or no longer) shown. */
  position: number | null;
  type: 'image' | 'gifv' | 'video' | 'audio' | 'unknown';
  state: 'processing' | 'ready' | 'failed';
  /** Why processing failed, safe to show the uploader. */
  error: string | null;
  /** File name of the upload waiting in the incoming folder (random, never from user input). */
  incoming_name: string | null;
  file_key: string | null;
  preview_key: string | null;
  /** Mastodon's meta object, as JSON. */
  meta: string | null;
  blurhash: string | null;
  description: string | null;
  focus_x: number | null;
  focus_y: number | null;
  created_at: string;
  updated_at: string;
}

/** Every file in media storage, so that each can be found, authorised and erased. */
export interface MediaFilesTable {
  key: string;
  account_id: string;
  attachment_id: string | null;
  role: 'original' | 'preview' | 'avatar' | 'header';
  content_type: string;
  size: number;
  created_at: string;
}

/** A content filter of one account (Mastodon's CustomFilter). */
export interface FiltersTable {
  id: string;
  account_id: string;
  title: string;
  /** JSON array of contexts: home | notifications | public | thread | account. */
  context: string;
  /** warn | hide | blur */
  action: string;
  expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface FilterKeywordsTable {
  id: string;
  filter_id: string;
  keyword: string;
  whole_word: Bool;
  created_at: string;
}

export interface FilterStatusesTable {
  id: string;
  filter_id: string;
  status_id: string;
  created_at: string;
}

/** A federation block of a remote domain (stored now; applied when federation comes). */
export interface DomainBlocksTable {
  id: string;
  /** Lower-cased, punycode. */
  domain: string;
  /** noop | silence | suspend */
  severity: string;
  reject_media: Bool;
  reject_reports: Bool;
  private_comment: string | null;
  public_comment: string | null;
  /** Partly hide the domain in the public list. */
  obfuscate: Bool;
  created_at: string;
  updated_at: string;
}

/** Domains allowed to federate in allow-list mode. */
export interface DomainAllowsTable {
  id: string;
  domain: string;
  created_at: string;
}

/** An IP range and what it may not do. */
export interface IpBlocksTable {
  id: string;
  /** Normalised CIDR: network address/prefix. */
  ip: string;
  /** sign_up_requires_approval | sign_up_block | no_access */
  severity: string;
  comment: string;
  expires_at: string | null;
  created_at: string;
  updated_at: string;
}

/** E-mail domains (and their subdomains) refused at sign-up, or held for approval. */
export interface EmailDomainBlocksTable {
  id: string;
  domain: string;
  allow_with_approval: Bool;
  created_at: string;
}

/** A sign-up the e-mail domain block stopped; for the block's history. */
export interface EmailDomainBlockAttemptsTable {
  id: string;
  email_domain_block_id: string;
  /** sha256 of the sign-up's IP address: counts distinct sources without keeping them. */
  ip_hash: string;
  created_at: string;
}

/** A blocked e-mail address, as the SHA-256 of its canonical form (never the address). */
export interface CanonicalEmailBlocksTable {
  id: string;
  canonical_email_hash: string;
  created_at: string;
}

/** A moderator's decision on whether a tag, post or link may trend. */
export interface TrendReviewsTable {
  /** tag | status | link */
  kind: string;
  target_id: string;
  trendable: Bool;
  account_id: string;
  reviewed_at: string;
}

/** A scored trend candidate, written by the trends job (src/services/trends/). */
export interface TrendsTable {
  /** tag | status */
  kind: string;
  target_id: string;
  score: number;
  /** 1 for the highest score of its kind. */
  rank: number;
  computed_at: string;
}

/** An account archive (src/services/portability/): made by a job, erased after seven days. */
export interface AccountExportsTable {
  id: string;
  account_id: string;
  /** pending | ready | failed */
  state: 'pending' | 'ready' | 'failed';
  /** Where the ZIP is (or will be) in media storage; chosen up front so retries overwrite it. */
  storage_key: string;
  byte_size: number | null;
  created_at: string;
  finished_at: string | null;
}

/** A CSV import of follows, blocks, mutes, lists, bookmarks or domain blocks, run by a job. */
export interface AccountImportsTable {
  id: string;
  account_id: string;
  type: 'following' | 'blocking' | 'muting' | 'domain_blocking' | 'bookmarks' | 'lists';
  mode: 'merge' | 'overwrite';
  /** pending (overwrite not applied yet) | processing | finished | failed */
  state: 'pending' | 'processing' | 'finished' | 'failed';
  total_items: number;
  processed_items: Generated<number>;
  imported_items: Generated<number>;
  failed_items: Generated<number>;
  failures_read_at: string | null;
  created_at: string;
  finished_at: string | null;
}

/** A row of an import: waiting until processed, then deleted, or kept a short while if it failed. */
export interface AccountImportRowsTable {
  import_id: string;
  seq: number;
  /** The parsed row as JSON. */
  data: string;
  failed: Generated<Bool>;
}

export interface Database {
  accounts: AccountsTable;
  users: UsersTable;
  apps: AppsTable;
  oauth_codes: OAuthCodesTable;
  oauth_tokens: OAuthTokensTable & OAuthTokenClientColumns;
  statuses: StatusesTable;
  status_edits: StatusEditsTable;
  mentions: MentionsTable;
  tags: TagsTable;
  status_tags: StatusTagsTable;
  favourites: FavouritesTable;
  bookmarks: BookmarksTable;
  status_pins: StatusPinsTable;
  polls: PollsTable;
  poll_votes: PollVotesTable;
  follows: FollowsTable;
  follow_requests: FollowRequestsTable;
  blocks: BlocksTable;
  mutes: MutesTable;
  account_notes: AccountNotesTable;
  lists: ListsTable;
  list_accounts: ListAccountsTable;
  tag_follows: TagFollowsTable;
  featured_tags: FeaturedTagsTable;
  account_pins: AccountPinsTable;
  feed_entries: FeedEntriesTable;
  notifications: NotificationsTable & NotificationFilteredColumn;
  markers: MarkersTable;
  conversations: ConversationsTable;
  scheduled_statuses: ScheduledStatusesTable;
  idempotency_keys: IdempotencyKeysTable;
  conversation_mutes: ConversationMutesTable;
  jobs: JobsTable;
  instance_rules: InstanceRulesTable;
  settings: SettingsTable;
  setup_tokens: SetupTokensTable;
  web_sessions: WebSessionsTable;
  /** Search text of statuses: an FTS5 table on SQLite, a table with a GIN index on PostgreSQL. */
  search_documents: SearchDocumentsTable;
  web_push_subscriptions: WebPushSubscriptionsTable;
  reports: ReportsTable;
  report_statuses: ReportStatusesTable;
  password_resets: PasswordResetsTable;
  media_attachments: MediaAttachmentsTable;
  media_files: MediaFilesTable;
  notification_policies: NotificationPoliciesTable;
  notification_requests: NotificationRequestsTable;
  notification_permissions: NotificationPermissionsTable;
  report_notes: ReportNotesTable;
  admin_action_logs: AdminActionLogsTable;
  account_warnings: AccountWarningsTable;
  appeals: AppealsTable;
  policy_decisions: PolicyDecisionsTable;
  filters: FiltersTable;
  filter_keywords: FilterKeywordsTable;
  filter_statuses: FilterStatusesTable;
  domain_blocks: DomainBlocksTable;
  domain_allows: DomainAllowsTable;
  ip_blocks: IpBlocksTable;
  email_domain_blocks: EmailDomainBlocksTable;
  email_domain_block_attempts: EmailDomainBlockAttemptsTable;
  canonical_email_blocks: CanonicalEmailBlocksTable;
  trend_reviews: TrendReviewsTable;
  trends: TrendsTable;
  two_factor: TwoFactorTable;
  two_factor_recovery_codes: TwoFactorRecoveryCodesTable;
  pending_logins: PendingLoginsTable;
  account_exports: AccountExportsTable;
  account_imports: AccountImportsTable;
  account_import_rows: AccountImportRowsTable;
}

export type AccountRow = Selectable<AccountsTable>;
export type UserRow = Selectable<UsersTable>;
export type AppRow = Selectable<AppsTable>;
export type TokenRow = Selectable<OAuthTokensTable>;
export type StatusRow = Selectable<StatusesTable>;
export type PollRow = Selectable<PollsTable>;
export type MediaAttachmentRow = Selectable<MediaAttachmentsTable>;
export type MediaFileRow = Selectable<MediaFilesTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type ListRow = Selectable<ListsTable>;
export type NotificationPolicyRow = Selectable<NotificationPoliciesTable>;
export type NotificationRequestRow = Selectable<NotificationRequestsTable>;
export type FilterRow = Selectable<FiltersTable>;
export type FilterKeywordRow = Selectable<FilterKeywordsTable>;
export type FilterStatusRow = Selectable<FilterStatusesTable>;
export type JobRow = Selectable<JobsTable>;
export type WebSessionRow = Selectable<WebSessionsTable>;
export type DomainBlockRow = Selectable<DomainBlocksTable>;
export type DomainAllowRow = Selectable<DomainAllowsTable>;
export type IpBlockRow = Selectable<IpBlocksTable>;
export type EmailDomainBlockRow = Selectable<EmailDomainBlocksTable>;
export type CanonicalEmailBlockRow = Selectable<CanonicalEmailBlocksTable>;
export type NewStatus = Insertable<StatusesTable>;
export type StatusUpdate = Updateable<StatusesTable>;
export type { Generated };

/**
 * Who created a token (User-Agent and address of the /oauth/token request), for the sessions
 * list. Kept apart from OAuthTokensTable so TokenRow, read on every request, stays as it is.
 */
export interface OAuthTokenClientColumns {
  user_agent: Generated<string | null>;
  ip: Generated<string | null>;
}

/** TOTP two-factor sign-in of a login (src/services/auth/two-factor-*.ts). */
export interface TwoFactorTable {
  account_id: string;
  /** base32 TOTP secret; never logged, never shown again after setup. */
  secret: string;
  /** null while the setup waits for its first code: the secret is pending, sign-in unaffected. */
  enabled_at: string | null;
  /** The last time step whose code was accepted: a code works once (replay protection). */
  last_used_step: number | null;
  /** Wrong codes (and passwords) since failure_window_start; five within 15 minutes lock it. */
  failed_attempts: number;
  failure_window_start: string | null;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

/** Single-use recovery codes, stored as sha256(account id + code); a used code is deleted. */
export interface TwoFactorRecoveryCodesTable {
  account_id: string;
  code_hash: string;
  created_at: string;
}

/**
 * The second step of a web sign-in: the password was right, the code is still to come. It
 * grants nothing by itself; its token (stored as sha256) is bound to the browser's CSRF cookie.
 */
export interface PendingLoginsTable {
  id: string;
  account_id: string;
  /** sha256 of the CSRF cookie of the browser that gave the password. */
  browser_hash: string;
  return_to: string;
  expires_at: string;
  created_at: string;
}

export type TwoFactorRow = Selectable<TwoFactorTable>;
export type PendingLoginRow = Selectable<PendingLoginsTable>;
export type AccountExportRow = Selectable<AccountExportsTable>;
export type AccountImportRow = Selectable<AccountImportsTable>;

/** Invite codes (src/services/invites/). `code` is the secret part of the invite link. */
export interface InvitesTable {
  id: string;
  code: string;
  /** The inviter. */
  account_id: string;
  /** null: any number of sign-ups. */
  max_uses: number | null;
  uses: Generated<number>;
  /** null: never expires. */
  expires_at: string | null;
  /** The new account follows the inviter once it is usable. */
  autofollow: Bool;
  created_at: string;
  revoked_at: string | null;
}

/** Which invite an account signed up with (Mastodon's users.invite_id). */
export interface InviteUsesTable {
  account_id: string;
  invite_id: string;
  created_at: string;
}

// Declaration merging adds the tables to Database without editing its (shared) body.
export interface Database {
  invites: InvitesTable;
  invite_uses: InviteUsesTable;
}

export type InviteRow = Selectable<InvitesTable>;

/** The random WebAuthn user handle of an account: authenticators see this, never the account id. */
export interface PasskeyUsersTable {
  account_id: string;
  /** base64url of 32 random bytes. */
  user_handle: string;
  created_at: string;
}

/** A registered passkey (WebAuthn credential). */
export interface PasskeysTable {
  /** The credential id, base64url. */
  id: string;
  account_id: string;
  /** The COSE public key, base64url. */
  public_key: string;
  /** The authenticator's signature counter: it must grow (or stay 0), else the key was cloned. */
  counter: number | string | bigint;
  /** JSON array of the transports the browser reported (usb, internal, hybrid…). */
  transports: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

/** A single-use WebAuthn challenge (stored as sha256), bound to its account and/or browser. */
export interface PasskeyChallengesTable {
  id: string;
  account_id: string | null;
  purpose: 'register' | 'second_factor' | 'sign_in';
  /** sha256 of the CSRF cookie of the browser signing in; null for registrations (token-bound). */
  browser_hash: string | null;
  expires_at: string;
  created_at: string;
}

// Declaration merging adds the tables to Database without editing its (shared) body.
export interface Database {
  passkey_users: PasskeyUsersTable;
  passkeys: PasskeysTable;
  passkey_challenges: PasskeyChallengesTable;
}

export type PasskeyRow = Selectable<PasskeysTable>;
export type PasskeyChallengeRow = Selectable<PasskeyChallengesTable>;
