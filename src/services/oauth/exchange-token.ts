// POST /oauth/token: the four grants Mastodon clients use. Every failure is an RFC 6749 error.
import { createHash } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { findTokenByRefreshHash, revokeToken, takeOAuthCode } from '../../db/repos/oauth.ts';
import { getSetting } from '../../db/repos/settings.ts';
import type { AppRow } from '../../db/schema.ts';
import { parseScopes, scopesWithin, unknownScopes } from '../../domain/scopes.ts';
import { safeEqual, sha256 } from '../../domain/secrets.ts';
import { checkPassword, loginBlocker } from '../auth/sign-in.ts';
import { issueToken, type IssuedToken } from './issue-token.ts';
import { INVALID_GRANT, oauthError } from './oauth-error.ts';

export interface TokenRequest {
  grantType?: string;
  code?: string;
  redirectUri?: string;
  codeVerifier?: string;
  refreshToken?: string;
  username?: string;
  password?: string;
  scope?: string;
}

/** Requested scopes, defaulting to "read", that must lie within the application's. */
export function requestedScopes(app: AppRow, scope: string | undefined): string[] {
  const scopes = parseScopes(scope);
  if (unknownScopes(scopes).length > 0 || !scopesWithin(scopes, app.scopes.split(' '))) {
    throw oauthError('invalid_scope', 'The requested scope is invalid, unknown, or malformed.');
  }
  return scopes;
}

export function pkceChallengeOf(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

async function authorizationCode(ctx: AppContext, app: AppRow, req: TokenRequest): Promise<IssuedToken> {
  if (!req.code) throw oauthError('invalid_request', 'Missing required parameter: code.');
  return ctx.db.transaction().execute(async (trx) => {
    const code = await takeOAuthCode(trx, sha256(req.code!));
    const now = ctx.clock.now().toISOString();
    if (!code || code.app_id !== app.id || code.expires_at <= now) throw oauthError('invalid_grant', INVALID_GRANT);
    if (req.redirectUri !== code.redirect_uri) throw oauthError('invalid_grant', INVALID_GRANT);
    if (code.code_challenge) {
      // RFC 7636: 43-128 characters of the unreserved set.
      if (!req.codeVerifier || !/^[A-Za-z0-9._~-]{43,128}$/.test(req.codeVerifier)) throw oauthError('invalid_grant', INVALID_GRANT);
      if (!safeEqual(pkceChallengeOf(req.codeVerifier), code.code_challenge)) throw oauthError('invalid_grant', INVALID_GRANT);
    }
    return issueToken(ctx, { appId: app.id, accountId: code.account_id, scopes: code.scopes.split(' '), withRefresh: true, exec: trx });
  });
}

async function refreshToken(ctx: AppContext, app: AppRow, req: TokenRequest): Promise<IssuedToken> {
  if (!req.refreshToken) throw oauthError('invalid_request', 'Missing required parameter: refresh_token.');
  return ctx.db.transaction().execute(async (trx) => {
    const old = await findTokenByRefreshHash(trx, sha256(req.refreshToken!));
    if (!old || old.app_id !== app.id || old.revoked_at) throw oauthError('invalid_grant', INVALID_GRANT);
    let scopes = old.scopes.split(' ');
    if (req.scope) {
      // A refresh may narrow the scopes, never widen them (RFC 6749 6).
      const asked = parseScopes(req.scope);
      if (!scopesWithin(asked, scopes)) throw oauthError('invalid_scope', 'The requested scope is invalid, unknown, or malformed.');
      scopes = asked;
    }
    // The conditional update makes a refresh token single-use even under concurrent requests.
    if (!(await revokeToken(trx, old.id, ctx.clock.now().toISOString()))) throw oauthError('invalid_grant', INVALID_GRANT);
    return issueToken(ctx, { appId: app.id, accountId: old.account_id, scopes, withRefresh: true, exec: trx });
  });
}

async function passwordGrant(ctx: AppContext, app: AppRow, req: TokenRequest): Promise<IssuedToken> {
  if (!(await getSetting(ctx.db, ctx.config, 'password_grant'))) {
    throw oauthError('unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.');
  }
  if (!req.username || !req.password) throw oauthError('invalid_request', 'Missing required parameter: username and password.');
  const scopes = requestedScopes(app, req.scope);
  const login = await checkPassword(ctx, req.username, req.password);
  if (!login) throw oauthError('invalid_grant', INVALID_GRANT);
  const blocker = loginBlocker(login);
  if (blocker) throw oauthError('invalid_grant', blocker);
  return issueToken(ctx, { appId: app.id, accountId: login.account.id, scopes, withRefresh: true });
}

export async function exchangeToken(ctx: AppContext, app: AppRow, req: TokenRequest): Promise<IssuedToken> {
  switch (req.grantType) {
    case 'authorization_code':
      return authorizationCode(ctx, app, req);
    case 'refresh_token':
      return refreshToken(ctx, app, req);
    case 'password':
      return passwordGrant(ctx, app, req);
    case 'client_credentials':
      return issueToken(ctx, { appId: app.id, accountId: null, scopes: requestedScopes(app, req.scope) });
    case undefined:
    case '':
      throw oauthError('invalid_request', 'Missing required parameter: grant_type.');
    default:
      throw oauthError('unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.');
  }
}
