// Column lists of the tables that are read through joins with prefixed aliases (one statement
// instead of several). The compile-time guards fail when a schema column is missing here.
import { sql, type RawBuilder } from 'kysely';
import type { AccountsTable, OAuthTokensTable, StatusesTable, UsersTable } from './schema.ts';

export const ACCOUNT_COLUMNS = [
  'id', 'username', 'username_lower', 'domain', 'display_name', 'note', 'note_html', 'fields', 'locked', 'bot',
  'discoverable', 'indexable', 'hide_collections', 'hide_from_logged_out', 'quote_policy', 'role', 'avatar_file', 'header_file',
  'statuses_count', 'followers_count', 'following_count', 'last_status_at', 'suspended_at', 'silenced_at', 'sensitized_at',
  'deleted_at', 'created_at', 'updated_at',
] as const satisfies readonly (keyof AccountsTable)[];

export const STATUS_COLUMNS = [
  'id', 'account_id', 'text', 'content_html', 'spoiler_text', 'sensitive', 'visibility', 'language', 'in_reply_to_id',
  'in_reply_to_account_id', 'reblog_of_id', 'quote_of_id', 'quote_state', 'conversation_id', 'application_id', 'poll_id',
  'replies_count', 'reblogs_count', 'favourites_count', 'quotes_count', 'quote_policy', 'created_at', 'edited_at', 'held_at',
] as const satisfies readonly (keyof StatusesTable)[];

export const USER_COLUMNS = [
  'account_id', 'email', 'email_lower', 'password_hash', 'confirmed_at', 'confirmation_token_hash', 'confirmation_sent_at',
  'approved', 'sign_up_reason', 'locale', 'default_visibility', 'default_sensitive', 'default_language', 'created_at',
  'last_sign_in_at', 'disabled_at',
] as const satisfies readonly (keyof UsersTable)[];

export const TOKEN_COLUMNS = [
  'id', 'token_hash', 'refresh_token_hash', 'app_id', 'account_id', 'scopes', 'created_at', 'expires_at', 'revoked_at',
  'last_used_at',
] as const satisfies readonly (keyof OAuthTokensTable)[];

type Missing<T, L extends readonly unknown[]> = Exclude<keyof T, L[number]>;
const complete: [
  Missing<AccountsTable, typeof ACCOUNT_COLUMNS> extends never ? true : never,
  Missing<StatusesTable, typeof STATUS_COLUMNS> extends never ? true : never,
  Missing<UsersTable, typeof USER_COLUMNS> extends never ? true : never,
  Missing<OAuthTokensTable, typeof TOKEN_COLUMNS> extends never ? true : never,
] = [true, true, true, true];
void complete;

/** `alias.col as prefix_col, ...` for a select list. */
export function prefixedColumns(alias: string, prefix: string, columns: readonly string[]): RawBuilder<unknown> {
  return sql.join(columns.map((c) => sql`${sql.ref(`${alias}.${c}`)} as ${sql.ref(`${prefix}_${c}`)}`));
}

const prefixedNames = new WeakMap<readonly string[], Map<string, string[]>>();

/** The row of one table out of a prefixed, joined result row. (A plain loop: this runs for every row of every timeline.) */
export function unprefixed<T>(row: Record<string, unknown>, prefix: string, columns: readonly string[]): T {
  let byPrefix = prefixedNames.get(columns);
  if (!byPrefix) prefixedNames.set(columns, (byPrefix = new Map()));
  let names = byPrefix.get(prefix);
  if (!names) byPrefix.set(prefix, (names = columns.map((c) => `${prefix}_${c}`)));
  const out: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i++) out[columns[i]!] = row[names[i]!];
  return out as T;
}
