// Resolves a bearer token to its application, account and scopes, or refuses it.
import type { AppContext } from '../../context.ts';
import { findTokenByHash, touchToken } from '../../db/repos/tokens.ts';
import type { AccountRow, TokenRow, UserRow } from '../../db/schema.ts';
import { AppError, unauthorized } from '../../domain/errors.ts';
import { sha256 } from '../../domain/secrets.ts';
import { markStoreSafeViewer } from '../authorization/store-safe-view.ts';

const TOUCH_INTERVAL_MS = 3600_000;

export interface Auth {
  token: TokenRow;
  scopes: ReadonlySet<string>;
  /** null for client_credentials (app-only) tokens. */
  account: AccountRow | null;
  user: UserRow | null;
}

/**
 * `allowUnconfirmed` is for the one endpoint an unconfirmed login may call: resending the
 * confirmation. `allowSanctioned` lets a suspended or disabled login read its strikes and appeal.
 */
export async function authenticate(ctx: AppContext, bearer: string, opts: { allowUnconfirmed?: boolean; allowSanctioned?: boolean } = {}): Promise<Auth> {
  const found = await findTokenByHash(ctx.db, sha256(bearer));
  if (!found) throw unauthorized();
  const { token, account, user, storeSafe } = found;
  const now = ctx.clock.now().toISOString();
  if (token.revoked_at) throw unauthorized('The access token was revoked');
  if (token.expires_at && token.expires_at <= now) throw unauthorized('The access token expired');
  if (token.account_id) {
    if (!account || account.deleted_at) throw unauthorized();
    if ((account.suspended_at || user?.disabled_at) && !opts.allowSanctioned) throw new AppError(403, 'Your login is currently disabled');
    if (user && !user.confirmed_at && !opts.allowUnconfirmed) throw new AppError(403, 'Your login is missing a confirmed e-mail address');
    if (user && !user.approved) throw new AppError(403, 'Your login is currently pending approval');
  }
  // "Last used" feeds the active-user counts; an hour's precision is enough and spares a write per request.
  if (!token.last_used_at || token.last_used_at < new Date(ctx.clock.now().getTime() - TOUCH_INTERVAL_MS).toISOString()) {
    await touchToken(ctx.db, token.id, now);
    token.last_used_at = now;
  }
  if (account && storeSafe) markStoreSafeViewer(account);
  return { token, scopes: new Set(token.scopes.split(' ')), account, user };
}
