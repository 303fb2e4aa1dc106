// Mastodon's Account and CredentialAccount entities.
import type { Config } from '../config.ts';
import { mediaFileUrl } from '../media/urls.ts';
import type { AccountRow, UserRow } from '../db/schema.ts';
import type { FieldJson, RoleJson, AccountJson, CredentialAccountJson } from '../../api/entities.ts';
export type { FieldJson, RoleJson, AccountJson, CredentialAccountJson };

// Mastodon's permission bit flags: moderators get reports/users/etc., admins everything.
const ROLE_INFO: Record<string, { name: string; permissions: string; highlighted: boolean; color: string }> = {
  user: { name: '', permissions: '65536', highlighted: false, color: '' },
  moderator: { name: 'Moderator', permissions: '1308', highlighted: true, color: '' },
  admin: { name: 'Admin', permissions: '1048575', highlighted: true, color: '' },
};

export function roleJson(role: string): RoleJson & { permissions: string; highlighted: boolean } {
  const info = ROLE_INFO[role] ?? ROLE_INFO.user!;
  return { id: role, name: info.name, color: info.color, permissions: info.permissions, highlighted: info.highlighted };
}

export function accountUrl(config: Config, username: string): string {
  return `${config.baseUrl}/@${username}`;
}

/** Field values are stored with their rendered HTML: [{name, value, value_html, verified_at}]. */
interface StoredField {
  name: string;
  value: string;
  value_html?: string;
  verified_at?: string | null;
}

export function parseFields(json: string): StoredField[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as StoredField[]) : [];
  } catch {
    return [];
  }
}

/** Suspended accounts keep their name but show a blank profile to everyone, as in Mastodon. */
export function serializeAccount(config: Config, a: AccountRow): AccountJson {
  return a.suspended_at ? serializeSuspendedAccount(config, a) : serializeActiveAccount(config, a);
}

const missingImages = (config: Config) => ({ avatar: `${config.baseUrl}/avatars/original/missing.png`, header: `${config.baseUrl}/headers/original/missing.png` });

function serializeSuspendedAccount(config: Config, a: AccountRow): AccountJson {
  const missing = missingImages(config);
  return {
    ...serializeActiveAccount(config, a),
    display_name: '',
    locked: false,
    bot: false,
    discoverable: false,
    indexable: false,
    note: '',
    avatar: missing.avatar,
    avatar_static: missing.avatar,
    header: missing.header,
    header_static: missing.header,
    followers_count: 0,
    following_count: 0,
    statuses_count: 0,
    last_status_at: null,
    noindex: true,
    roles: [],
    fields: [],
    suspended: true,
  };
}

function serializeActiveAccount(config: Config, a: AccountRow): AccountJson {
  const role = ROLE_INFO[a.role];
  const { avatar: missingAvatar, header: missingHeader } = missingImages(config);
  return {
    id: a.id,
    username: a.username,
    acct: a.domain ? `${a.username}@${a.domain}` : a.username,
    display_name: a.display_name,
    locked: a.locked === 1,
    bot: a.bot === 1,
    discoverable: a.discoverable === 1,
    indexable: a.indexable === 1,
    group: false,
    // Mastodon reveals only the day an account was made.
    created_at: `${a.created_at.slice(0, 10)}T00:00:00.000Z`,
    note: a.note_html,
    url: accountUrl(config, a.username),
    uri: `${config.baseUrl}/users/${a.username}`,
    avatar: a.avatar_file ? mediaFileUrl(config, a.avatar_file) : missingAvatar,
    avatar_static: a.avatar_file ? mediaFileUrl(config, a.avatar_file) : missingAvatar,
    header: a.header_file ? mediaFileUrl(config, a.header_file) : missingHeader,
    header_static: a.header_file ? mediaFileUrl(config, a.header_file) : missingHeader,
    followers_count: a.followers_count,
    following_count: a.following_count,
    statuses_count: a.statuses_count,
    last_status_at: a.last_status_at ? a.last_status_at.slice(0, 10) : null,
    hide_collections: a.hide_collections === 1,
    noindex: a.indexable !== 1,
    emojis: [],
    roles: role?.highlighted ? [{ id: a.role, name: role.name, color: role.color }] : [],
    fields: parseFields(a.fields).map((f) => ({ name: f.name, value: f.value_html ?? f.value, verified_at: f.verified_at ?? null })),
  };
}

export function serializeCredentialAccount(config: Config, a: AccountRow, user: UserRow, followRequestsCount: number): CredentialAccountJson {
  return {
    ...serializeAccount(config, a),
    source: {
      privacy: user.default_visibility,
      sensitive: user.default_sensitive === 1,
      language: user.default_language,
      note: a.note,
      fields: parseFields(a.fields).map((f) => ({ name: f.name, value: f.value, verified_at: f.verified_at ?? null })),
      follow_requests_count: followRequestsCount,
      hide_collections: a.hide_collections === 1,
      hide_from_logged_out: a.hide_from_logged_out === 1,
      discoverable: a.discoverable === 1,
      indexable: a.indexable === 1,
      quote_policy: a.quote_policy,
      attribution_domains: [],
    },
    role: roleJson(a.role),
  };
}
