import { describe, expect, it } from 'vitest';
import { throttlesFor, type ThrottleRequest } from './throttles.ts';

const req = (over: Partial<ThrottleRequest>): ThrottleRequest => ({ method: 'GET', route: '/api/v1/timelines/public', ip: '203.0.113.1', accountId: null, params: {}, ...over });
const groups = (phase: 'request' | 'body', over: Partial<ThrottleRequest>) => throttlesFor(phase, req(over)).map((h) => h.group);

describe('throttlesFor', () => {
  it('counts anonymous API calls per address and signed-in ones per account', () => {
    expect(throttlesFor('request', req({}))).toEqual([{ group: 'api_ip', key: 'api_ip:203.0.113.1' }]);
    expect(throttlesFor('request', req({ accountId: '42' }))).toEqual([{ group: 'api_account', key: 'api_account:42' }]);
  });

  it('leaves pages, media files and discovery documents alone', () => {
    for (const route of ['/', '/@alice', '/system/media/x.png', '/.well-known/webfinger', '/nodeinfo/2.0', '/apiary']) {
      expect(groups('request', { route })).toEqual([]);
      expect(groups('body', { route })).toEqual([]);
    }
  });

  it('counts uploads per account on every media API version', () => {
    expect(groups('request', { method: 'POST', route: '/api/v1/media', accountId: '42' })).toEqual(['api_account', 'media']);
    expect(groups('request', { method: 'POST', route: '/api/v2/media', accountId: '42' })).toEqual(['api_account', 'media']);
    expect(groups('request', { method: 'PUT', route: '/api/v1/media/:id', accountId: '42' })).toEqual(['api_account']);
    expect(groups('request', { method: 'POST', route: '/api/v2/media' })).toEqual(['api_ip']);
  });

  it('counts sign-ups per address, API and web form in one counter', () => {
    const api = throttlesFor('request', req({ method: 'POST', route: '/api/v1/accounts' }));
    const web = throttlesFor('request', req({ method: 'POST', route: '/auth/sign_up' }));
    expect(api).toContainEqual({ group: 'sign_up', key: 'sign_up:203.0.113.1' });
    expect(web).toEqual([{ group: 'sign_up', key: 'sign_up:203.0.113.1' }]);
    expect(groups('request', { method: 'GET', route: '/auth/sign_up' })).toEqual([]);
  });

  it('counts password logins per address and per normalised name, and no other grant', () => {
    const a = throttlesFor('body', req({ method: 'POST', route: '/auth/sign_in', params: { login: ' Alice ' } }));
    const b = throttlesFor('body', req({ method: 'POST', route: '/oauth/token', params: { grant_type: 'password', username: '@alice' } }));
    expect(a.map((h) => h.group)).toEqual(['login_ip', 'login_name']);
    expect(a).toEqual(b);
    // Hashed: the name itself is not in the key.
    expect(a[1]!.key).not.toContain('alice');
    expect(throttlesFor('body', req({ method: 'POST', route: '/auth/sign_in', params: { email: 'Alice@Example.com' } }))[1]).toEqual(
      throttlesFor('body', req({ method: 'POST', route: '/auth/sign_in', params: { login: 'alice@example.com' } }))[1],
    );
    expect(groups('body', { method: 'POST', route: '/oauth/token', params: { grant_type: 'authorization_code', username: 'alice' } })).toEqual([]);
    expect(groups('body', { method: 'POST', route: '/auth/sign_in', params: { login: '   ' } })).toEqual(['login_ip']);
    expect(groups('request', { method: 'POST', route: '/auth/sign_in' })).toEqual([]);
  });

  it('counts password resets per address and per e-mail address', () => {
    expect(groups('request', { method: 'POST', route: '/auth/password/new' })).toEqual(['password_reset_ip']);
    expect(groups('request', { method: 'POST', route: '/auth/password/edit' })).toEqual(['password_reset_ip']);
    expect(groups('body', { method: 'POST', route: '/auth/password/new', params: { email: 'bob@example.com' } })).toEqual(['password_reset_email']);
    expect(groups('body', { method: 'POST', route: '/auth/password/new', params: {} })).toEqual([]);
  });
});
