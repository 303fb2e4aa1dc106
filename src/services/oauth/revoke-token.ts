// POST /oauth/revoke (RFC 7009): revokes an access or refresh token of the calling client.
// Unknown tokens are not an error, so the endpoint reveals nothing about other tokens.
import type { AppContext } from '../../context.ts';
import { findTokenByAccessOrRefreshHash, revokeToken } from '../../db/repos/oauth.ts';
import type { AppRow } from '../../db/schema.ts';
import { sha256 } from '../../domain/secrets.ts';

export async function revokeClientToken(ctx: AppContext, app: AppRow, token: string): Promise<void> {
  const row = await findTokenByAccessOrRefreshHash(ctx.db, sha256(token));
  if (!row || row.app_id !== app.id) return;
  await revokeToken(ctx.db, row.id, ctx.clock.now().toISOString());
}
