// Account addresses (`user@domain`) and status URIs as they appear in Mastodon's CSV files, and
// their resolution to local accounts and posts. Parley has no federation yet: an address of
// another server resolves to nothing, and the import counts its row as failed.
import type { Config } from '../../config.ts';
import { findLocalAccountsByUsernames } from '../../db/repos/accounts.ts';
import type { AccountRow } from '../../db/schema.ts';
import { USERNAME_PATTERN } from '../../domain/accounts.ts';
import { isId } from '../../domain/ids.ts';
import type { AppContext } from '../../context.ts';

/** How Mastodon's exports name an account: local ones get this server's domain too. */
export function accountAddress(config: Config, account: Pick<AccountRow, 'username' | 'domain'>): string {
  return `${account.username}@${account.domain ?? config.domain}`;
}

/** An address as a person may type it: `user`, `@user`, `user@domain` or `@user@domain`. */
const ADDRESS = /^@?([^@\s,"]+)(?:@([^@\s,"]+))?$/;

export function isWellFormedAddress(value: string): boolean {
  return ADDRESS.test(value);
}

/** The local username an address names, or null when it names another server (or is malformed). */
export function localUsernameOf(config: Config, address: string): string | null {
  const m = ADDRESS.exec(address.trim());
  if (!m) return null;
  const domain = m[2]?.toLowerCase();
  return domain === undefined || domain === config.domain ? m[1]! : null;
}

/** Local, active accounts named by `addresses`, by lower-cased username. */
export async function resolveLocalAccounts(ctx: AppContext, addresses: readonly string[]): Promise<Map<string, AccountRow>> {
  const names = [...new Set(addresses.map((a) => localUsernameOf(ctx.config, a)?.toLowerCase()).filter((n): n is string => n !== undefined))];
  const found = new Map<string, AccountRow>();
  for (let i = 0; i < names.length; i += 500) {
    for (const a of await findLocalAccountsByUsernames(ctx.db, names.slice(i, i + 500))) {
      if (!a.deleted_at && !a.suspended_at) found.set(a.username_lower, a);
    }
  }
  return found;
}

export function accountOf(config: Config, accounts: ReadonlyMap<string, AccountRow>, address: string): AccountRow | undefined {
  const name = localUsernameOf(config, address);
  return name === null ? undefined : accounts.get(name.toLowerCase());
}

/**
 * The id of the local post a URI names: its ActivityPub id (`/users/alice/statuses/ID`, what
 * Mastodon exports) or its web address (`/@alice/ID`). The username is returned for checking.
 */
export function localStatusOf(config: Config, uri: string): { username: string; statusId: string } | null {
  let url: URL;
  try {
    url = new URL(uri.trim());
  } catch {
    return null;
  }
  if (url.origin !== new URL(config.baseUrl).origin || url.search || url.hash) return null;
  const m = /^\/users\/([^/]+)\/statuses\/([^/]+)$/.exec(url.pathname) ?? /^\/@([^/]+)\/([^/]+)$/.exec(url.pathname);
  if (!m || !isId(m[2]!) || !USERNAME_PATTERN.test(m[1]!)) return null;
  return { username: m[1]!, statusId: m[2]! };
}
