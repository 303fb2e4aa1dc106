// An account as others see it: suspended accounts keep their name but show a blank profile,
// as Mastodon does.
import type { Config } from '../config.ts';
import type { AccountRow } from '../db/schema.ts';
import { serializeAccount, type AccountJson } from './account.ts';

export function serializeVisibleAccount(config: Config, a: AccountRow): AccountJson {
  const json = serializeAccount(config, a);
  if (!a.suspended_at) return json;
  const missingAvatar = `${config.baseUrl}/avatars/original/missing.png`;
  const missingHeader = `${config.baseUrl}/headers/original/missing.png`;
  return {
    ...json,
    display_name: '',
    locked: false,
    bot: false,
    discoverable: false,
    indexable: false,
    note: '',
    avatar: missingAvatar,
    avatar_static: missingAvatar,
    header: missingHeader,
    header_static: missingHeader,
    followers_count: 0,
    following_count: 0,
    statuses_count: 0,
    last_status_at: null,
    noindex: true,
    emojis: [],
    roles: [],
    fields: [],
    suspended: true,
  };
}
