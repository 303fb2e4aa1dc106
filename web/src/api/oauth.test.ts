import { beforeEach, describe, expect, it, vi } from 'vitest';
import { authorizeUrl, codeChallenge, completeSignIn, hasStaffScopes, OAuthError, signOut, STAFF_SCOPES, storedToken } from './oauth.ts';
import { createHttp } from './http.ts';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('OAuth with PKCE', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('computes the S256 code challenge', async () => {
    // Computed independently with Node's crypto: sha256, base64url without padding.
    expect(await codeChallenge('dBjftJeZ4CVP-mJ92IZB9Y3dCfhXBvsU3a-ng_-bc63U')).toBe('sb1cD3Tc7D3J_YtGFtg7-zZL_ZpRf6r9QoCoPVGfdJw');
  });

  it('registers the app once, signs in with state and verifier, and revokes on sign-out', async () => {
    const calls: { url: string; body: Record<string, string> }[] = [];
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, string>) : {};
      calls.push({ url, body });
      if (url.endsWith('/api/v1/apps')) return json(200, { name: 'Parley Web', client_id: 'cid', client_secret: 'secret' });
      if (url.endsWith('/oauth/token')) return json(200, { access_token: 'user-token', token_type: 'Bearer', scope: 'read write follow push', created_at: 1 });
      return json(200, {});
    });
    const http = createHttp({ fetch: fetch as unknown as typeof globalThis.fetch });

    const target = new URL(await authorizeUrl(http, '/notifications'), location.origin);
    expect(target.pathname).toBe('/oauth/authorize');
    expect(target.searchParams.get('client_id')).toBe('cid');
    expect(target.searchParams.get('redirect_uri')).toBe(`${location.origin}/oauth/callback`);
    expect(target.searchParams.get('scope')).toBe('read write follow push');
    expect(target.searchParams.get('code_challenge_method')).toBe('S256');
    // The app may be granted the admin scopes, but a sign-in asks only for the ordinary ones.
    expect(calls[0]!.body).toMatchObject({ client_name: 'Parley Web', redirect_uris: `${location.origin}/oauth/callback`, scopes: 'read write follow push admin:read admin:write' });

    // A second sign-in reuses the stored app.
    await authorizeUrl(http, '/notifications');
    expect(calls.filter((c) => c.url.endsWith('/api/v1/apps'))).toHaveLength(1);

    const state = new URL(await authorizeUrl(http, '/notifications'), location.origin).searchParams;
    await expect(completeSignIn(http, `?code=abc&state=wrong`)).rejects.toBeInstanceOf(OAuthError);

    const fresh = new URL(await authorizeUrl(http, '/notifications'), location.origin).searchParams;
    expect(fresh.get('state')).not.toBe(state.get('state'));
    const next = await completeSignIn(http, `?code=abc&state=${fresh.get('state')}`);
    expect(next).toBe('/notifications');
    expect(storedToken()).toBe('user-token');
    expect(hasStaffScopes()).toBe(false);
    const exchange = calls.find((c) => c.url.endsWith('/oauth/token'))!;
    expect(exchange.body).toMatchObject({ grant_type: 'authorization_code', code: 'abc', client_id: 'cid', client_secret: 'secret' });
    expect(await codeChallenge(exchange.body.code_verifier!)).toBe(fresh.get('code_challenge'));

    await signOut(http);
    expect(storedToken()).toBeNull();
    expect(calls.at(-1)).toMatchObject({ url: '/oauth/revoke', body: { token: 'user-token', client_id: 'cid' } });
  });

  it('re-registers an app stored without the admin scopes', async () => {
    localStorage.setItem('parley.app', JSON.stringify({ client_id: 'old', client_secret: 's', redirect_uri: `${location.origin}/oauth/callback` }));
    const fetch = vi.fn(async () => json(200, { name: 'Parley Web', client_id: 'new', client_secret: 'secret' }));
    const http = createHttp({ fetch: fetch as unknown as typeof globalThis.fetch });
    const target = new URL(await authorizeUrl(http, '/'), location.origin);
    expect(target.searchParams.get('client_id')).toBe('new');
  });

  it('grants staff the admin scopes in a second authorization and revokes the narrower token', async () => {
    localStorage.setItem('parley.app', JSON.stringify({ client_id: 'cid', client_secret: 'secret', redirect_uri: `${location.origin}/oauth/callback`, scopes: STAFF_SCOPES }));
    localStorage.setItem('parley.token', 'plain-token');
    const calls: { url: string; body: Record<string, string> }[] = [];
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, string>) : {};
      calls.push({ url, body });
      if (url.endsWith('/oauth/token')) return json(200, { access_token: 'staff-token', token_type: 'Bearer', scope: body.scope, created_at: 1 });
      return json(200, {});
    });
    const http = createHttp({ fetch: fetch as unknown as typeof globalThis.fetch });
    const params = new URL(await authorizeUrl(http, '/moderation', STAFF_SCOPES), location.origin).searchParams;
    expect(params.get('scope')).toBe('read write follow push admin:read admin:write');
    expect(await completeSignIn(http, `?code=c&state=${params.get('state')}`)).toBe('/moderation');
    expect(calls.find((c) => c.url.endsWith('/oauth/token'))!.body.scope).toBe(STAFF_SCOPES);
    expect(storedToken()).toBe('staff-token');
    expect(hasStaffScopes()).toBe(true);
    expect(calls.at(-1)).toMatchObject({ url: '/oauth/revoke', body: { token: 'plain-token' } });
  });

  it('reports an error the server sent back to the callback', async () => {
    const http = createHttp({ fetch: vi.fn() as unknown as typeof globalThis.fetch });
    await expect(completeSignIn(http, '?error=access_denied&error_description=You%20denied%20it')).rejects.toThrow('You denied it');
  });
});
