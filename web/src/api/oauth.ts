// Sign-in exactly like a third-party app: register once (POST /api/v1/apps), then the OAuth 2
// authorization code flow with PKCE (S256); sign-out revokes the token.
//
// Moderators need the admin scopes too. The app is registered with them, but a sign-in asks only
// for SCOPES, so ordinary people never see admin access on the consent page; staff grant
// STAFF_SCOPES in a second authorization when they first open the moderation screens, and the
// narrower token is then revoked.
import type { ApplicationJson } from '../../../api/entities.ts';
import type { Http } from './http.ts';
import type { TokenJson } from './types.ts';

export const SCOPES = 'read write follow push';
export const STAFF_SCOPES = `${SCOPES} admin:read admin:write`;
/** What the app registration allows; a token is granted SCOPES or STAFF_SCOPES within it. */
const APP_SCOPES = STAFF_SCOPES;
const APP_KEY = 'parley.app';
const TOKEN_KEY = 'parley.token';
const TOKEN_SCOPE_KEY = 'parley.token.scope';
const PENDING_KEY = 'parley.oauth.pending';

interface StoredApp {
  client_id: string;
  client_secret: string;
  redirect_uri: string;
  /** Absent for apps registered before the admin scopes were added: those are registered anew. */
  scopes?: string;
}

interface PendingSignIn {
  state: string;
  verifier: string;
  returnTo: string;
  scope: string;
}

export function redirectUri(): string {
  return `${location.origin}/oauth/callback`;
}

export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function randomString(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export function storedToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string | null, scope: string = SCOPES): void {
  if (token) {
    localStorage.setItem(TOKEN_KEY, token);
    localStorage.setItem(TOKEN_SCOPE_KEY, scope);
  } else {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(TOKEN_SCOPE_KEY);
  }
}

/** Whether the stored token may call the admin API (the server still checks the role). */
export function hasStaffScopes(): boolean {
  try {
    const granted = new Set((localStorage.getItem(TOKEN_SCOPE_KEY) ?? '').split(/\s+/));
    return granted.has('admin:read') && granted.has('admin:write');
  } catch {
    return false;
  }
}

export async function ensureApp(http: Http): Promise<StoredApp> {
  const raw = localStorage.getItem(APP_KEY);
  if (raw) {
    const app = JSON.parse(raw) as StoredApp;
    if (app.redirect_uri === redirectUri() && app.client_id && app.scopes === APP_SCOPES) return app;
  }
  const created = await http.post<ApplicationJson>(
    '/api/v1/apps',
    { client_name: 'Parley Web', redirect_uris: redirectUri(), scopes: APP_SCOPES, website: location.origin },
    { token: null },
  );
  const app: StoredApp = { client_id: created.client_id ?? '', client_secret: created.client_secret ?? '', redirect_uri: redirectUri(), scopes: APP_SCOPES };
  localStorage.setItem(APP_KEY, JSON.stringify(app));
  return app;
}

/** Where to send the browser to sign in; remembers state and verifier for the callback. */
export async function authorizeUrl(http: Http, returnTo = '/', scope: string = SCOPES): Promise<string> {
  const app = await ensureApp(http);
  const state = randomString(16);
  const verifier = randomString(48);
  const pending: PendingSignIn = { state, verifier, returnTo, scope };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: app.client_id,
    redirect_uri: app.redirect_uri,
    scope,
    state,
    code_challenge: await codeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  return `/oauth/authorize?${params}`;
}

export class OAuthError extends Error {}

/** Finishes the flow on /oauth/callback; answers where to go next. */
export async function completeSignIn(http: Http, search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const pendingRaw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const error = params.get('error');
  if (error) throw new OAuthError(params.get('error_description') || error);
  const pending = pendingRaw ? (JSON.parse(pendingRaw) as PendingSignIn) : null;
  if (!pending || pending.state !== params.get('state')) throw new OAuthError('state');
  const app = await ensureApp(http);
  const previous = storedToken();
  const token = await http.post<TokenJson>(
    '/oauth/token',
    {
      grant_type: 'authorization_code',
      code: params.get('code') ?? '',
      redirect_uri: app.redirect_uri,
      client_id: app.client_id,
      client_secret: app.client_secret,
      code_verifier: pending.verifier,
      scope: pending.scope || SCOPES,
    },
    { token: null },
  );
  storeToken(token.access_token, token.scope || pending.scope || SCOPES);
  // A second authorization (for the admin scopes) replaces the token: the old one is no use now.
  if (previous && previous !== token.access_token) await revokeToken(http, app, previous);
  return pending.returnTo || '/';
}

/** An app-only token (client_credentials), needed to sign up. */
export async function appToken(http: Http): Promise<string> {
  const app = await ensureApp(http);
  const token = await http.post<TokenJson>(
    '/oauth/token',
    { grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret, scope: SCOPES },
    { token: null },
  );
  return token.access_token;
}

export async function signOut(http: Http): Promise<void> {
  const token = storedToken();
  storeToken(null);
  const raw = localStorage.getItem(APP_KEY);
  if (!token || !raw) return;
  await revokeToken(http, JSON.parse(raw) as StoredApp, token);
}

async function revokeToken(http: Http, app: StoredApp, token: string): Promise<void> {
  try {
    await http.post('/oauth/revoke', { client_id: app.client_id, client_secret: app.client_secret, token }, { token: null });
  } catch {
    // The token is forgotten locally either way.
  }
}
