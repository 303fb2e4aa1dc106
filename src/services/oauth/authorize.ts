// The authorization-code flow: checks a /oauth/authorize request, and issues the code once
// the signed-in person approves. Codes are random, stored hashed, single use, 10 minutes.
import type { AppContext } from '../../context.ts';
import { findAppByClientId } from '../../db/repos/apps.ts';
import { deleteExpiredOAuthCodes, insertOAuthCode } from '../../db/repos/oauth.ts';
import type { AppRow } from '../../db/schema.ts';
import { parseScopes, scopesWithin, unknownScopes } from '../../domain/scopes.ts';
import { randomSecret, sha256 } from '../../domain/secrets.ts';
import { OOB_REDIRECT } from '../apps/create-app.ts';

const CODE_TTL_MS = 10 * 60_000;

export interface AuthorizeParams {
  response_type?: string;
  client_id?: string;
  redirect_uri?: string;
  scope?: string;
  state?: string;
  code_challenge?: string;
  code_challenge_method?: string;
}

export interface AuthorizeRequest {
  app: AppRow;
  redirectUri: string;
  scopes: string[];
  state: string | null;
  codeChallenge: string | null;
}

/**
 * Problems with the client or its redirect URI are shown to the person (redirecting would
 * send them somewhere unverified); the others go back to the client as ?error=.
 */
export class AuthorizeError extends Error {
  readonly code: string;
  readonly redirectUri: string | null;
  readonly state: string | null;
  constructor(code: string, message: string, redirectUri: string | null = null, state: string | null = null) {
    super(message);
    this.code = code;
    this.redirectUri = redirectUri;
    this.state = state;
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function authorizeParamsOf(input: Record<string, unknown>): AuthorizeParams {
  return {
    response_type: str(input.response_type),
    client_id: str(input.client_id),
    redirect_uri: str(input.redirect_uri),
    scope: str(input.scope) ?? str(input.scopes),
    state: str(input.state),
    code_challenge: str(input.code_challenge),
    code_challenge_method: str(input.code_challenge_method),
  };
}

export async function checkAuthorizeRequest(ctx: AppContext, p: AuthorizeParams): Promise<AuthorizeRequest> {
  const app = p.client_id ? await findAppByClientId(ctx.db, p.client_id) : undefined;
  if (!app) throw new AuthorizeError('invalid_client', 'Client authentication failed due to unknown client.');
  const registered = app.redirect_uris.split('\n');
  // Mastodon defaults to the app's only redirect URI when the client leaves it out.
  const redirectUri = p.redirect_uri ?? (registered.length === 1 ? registered[0]! : '');
  if (!registered.includes(redirectUri)) throw new AuthorizeError('invalid_redirect_uri', 'The redirect URI included is not valid.');
  const state = p.state ?? null;
  const fail = (code: string, message: string) => new AuthorizeError(code, message, redirectUri, state);
  if (p.response_type !== 'code') throw fail('unsupported_response_type', 'The authorization server does not support this response type.');
  const scopes = parseScopes(p.scope);
  if (unknownScopes(scopes).length > 0 || !scopesWithin(scopes, app.scopes.split(' '))) {
    throw fail('invalid_scope', 'The requested scope is invalid, unknown, or malformed.');
  }
  let codeChallenge: string | null = null;
  if (p.code_challenge !== undefined || p.code_challenge_method !== undefined) {
    // "plain" would hand the verifier to anyone who sees the redirect: only S256 is accepted.
    if (p.code_challenge_method !== 'S256') throw fail('invalid_request', 'Code challenge method must be S256.');
    if (!p.code_challenge || !/^[A-Za-z0-9_-]{43}$/.test(p.code_challenge)) throw fail('invalid_request', 'The code challenge is invalid.');
    codeChallenge = p.code_challenge;
  }
  return { app, redirectUri, scopes, state, codeChallenge };
}

export async function issueAuthorizationCode(ctx: AppContext, req: AuthorizeRequest, accountId: string): Promise<string> {
  const code = randomSecret();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await deleteExpiredOAuthCodes(trx, now.toISOString());
    await insertOAuthCode(trx, {
      code_hash: sha256(code),
      app_id: req.app.id,
      account_id: accountId,
      redirect_uri: req.redirectUri,
      scopes: req.scopes.join(' '),
      code_challenge: req.codeChallenge,
      code_challenge_method: req.codeChallenge ? 'S256' : null,
      expires_at: new Date(now.getTime() + CODE_TTL_MS).toISOString(),
      created_at: now.toISOString(),
    });
  });
  return code;
}

/** Where the browser goes after a decision; null for the out-of-band URI (the code is shown instead). */
export function redirectTarget(redirectUri: string, params: Record<string, string | null>): string | null {
  if (redirectUri === OOB_REDIRECT) return null;
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.set(k, v);
  return url.toString();
}
