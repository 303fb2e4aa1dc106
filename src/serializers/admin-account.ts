// Mastodon's Admin::Account: an account with what moderators need to know of its login.
import type { Config } from '../config.ts';
import type { AdminAccountJson } from '../../api/entities.ts';
import type { AccountRow, UserRow } from '../db/schema.ts';
import { roleJson, serializeAccount } from './account.ts';
export type { AdminAccountJson };

export function serializeAdminAccount(config: Config, a: AccountRow, user: UserRow | undefined): AdminAccountJson {
  return {
    id: a.id,
    username: a.username,
    domain: a.domain,
    created_at: a.created_at,
    email: user?.email ?? null,
    // Parley keeps no sign-up or sign-in IP addresses.
    ip: null,
    ips: [],
    locale: user?.locale ?? null,
    invite_request: user?.sign_up_reason ?? null,
    role: roleJson(a.role),
    confirmed: user ? user.confirmed_at !== null : false,
    approved: user ? user.approved === 1 : true,
    disabled: user ? user.disabled_at !== null : false,
    silenced: a.silenced_at !== null,
    suspended: a.suspended_at !== null,
    sensitized: a.sensitized_at !== null,
    account: serializeAccount(config, a),
    created_by_application_id: null,
    invited_by_account_id: null,
  };
}
