// Issues an access token (and a refresh token) for an application and, usually, an account.
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../jobs/queue.ts';
import type { TokenRow } from '../../db/schema.ts';
import { newId } from '../../domain/ids.ts';
import { randomSecret, sha256 } from '../../domain/secrets.ts';

export interface IssuedToken {
  row: TokenRow;
  accessToken: string;
  refreshToken: string | null;
}

export async function issueToken(
  ctx: AppContext,
  input: { appId: string; accountId: string | null; scopes: string[]; withRefresh?: boolean; exec?: Executor },
): Promise<IssuedToken> {
  const accessToken = randomSecret();
  const refreshToken = input.withRefresh ? randomSecret() : null;
  const now = ctx.clock.now();
  const row: TokenRow = {
    id: newId(now.getTime()),
    token_hash: sha256(accessToken),
    refresh_token_hash: refreshToken ? sha256(refreshToken) : null,
    app_id: input.appId,
    account_id: input.accountId,
    scopes: input.scopes.join(' '),
    created_at: now.toISOString(),
    // Like Mastodon, access tokens do not expire unless revoked; refresh tokens rotate them when used.
    expires_at: null,
    revoked_at: null,
    last_used_at: null,
  };
  await (input.exec ?? ctx.db).insertInto('oauth_tokens').values(row).execute();
  return { row, accessToken, refreshToken };
}
