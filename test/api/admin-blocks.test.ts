// The admins' blocks through Mastodon's admin API: domain blocks and allows (stored, published),
// IP blocks, e-mail domain blocks and canonical e-mail blocks, each enforced at sign-up (API
// and web form), no_access IP blocks enforced on every request, and every change audited.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminActionLogJson, AdminCanonicalEmailBlockJson, AdminDomainBlockJson, AdminEmailDomainBlockJson, AdminIpBlockJson } from '../../api/entities.ts';
import { createApp } from '../../src/services/apps/create-app.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { csrfOf } from './oauth-browser.ts';

const STAFF_SCOPES = ['read', 'write', 'follow', 'admin:read', 'admin:write'];

let s: TestServer;
let admin: TestUser;
let mod: TestUser;
let user: TestUser;
let appToken: string;
/** Moves the server's clock forward, to let blocks expire. */
let clockOffsetMs = 0;
beforeAll(async () => {
  s = await createTestServer({ clock: { now: () => new Date(Date.now() + clockOffsetMs) } });
  admin = await s.createUser('root', { role: 'admin', scopes: STAFF_SCOPES });
  mod = await s.createUser('mod', { role: 'moderator', scopes: STAFF_SCOPES });
  user = await s.createUser('plain', { scopes: STAFF_SCOPES });
  const client = await createApp(s.ctx, { name: 'signup client', redirectUris: ['urn:ietf:wg:oauth:2.0:oob'], scopes: 'read write' });
  const res = await s.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: client.client_id, client_secret: client.client_secret, scope: 'read write' } });
  appToken = res.json().access_token;
});
afterAll(() => s.close());

const count = async (table: 'domain_blocks' | 'domain_allows' | 'ip_blocks' | 'email_domain_blocks' | 'canonical_email_blocks') =>
  Number((await s.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const logOf = async (action: string): Promise<AdminActionLogJson[]> => (await admin.get(`/api/v1/admin/action_logs?action=${action}`)).json();
const apiSignUp = (username: string, email: string, remoteAddress = '127.0.0.1') =>
  s.inject({ method: 'POST', url: '/api/v1/accounts', remoteAddress, headers: { authorization: `Bearer ${appToken}` }, payload: { username, email, password: 'long enough pw', agreement: true } });
const userRow = (username: string) =>
  s.ctx.db.selectFrom('users').innerJoin('accounts', 'accounts.id', 'users.account_id').select(['users.approved']).where('accounts.username', '=', username).executeTakeFirst();

async function webSignUp(username: string, email: string, remoteAddress: string) {
  const page = await s.inject({ method: 'GET', url: '/auth/sign_up' });
  const cookie = [page.headers['set-cookie']].flat().filter(Boolean).map((c) => String(c).split(';')[0]).join('; ');
  const form = new URLSearchParams({ csrf_token: csrfOf(page.body), username, email, password: 'long enough pw', agreement: '1' });
  return s.inject({ method: 'POST', url: '/auth/sign_up', remoteAddress, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
}

describe('who may use the admin block APIs', () => {
  const lists = ['domain_blocks', 'domain_allows', 'ip_blocks', 'email_domain_blocks', 'canonical_email_blocks'];

  it('answers 401 without a token and 403 to people who are not admins', async () => {
    for (const list of lists) {
      const url = `/api/v1/admin/${list}`;
      expect((await s.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      expect((await user.get(url)).statusCode, url).toBe(403);
      // Like Mastodon's default roles: federation and blocks are the admins' business.
      expect((await mod.get(url)).statusCode, url).toBe(403);
      expect((await user.post(url, { domain: 'x.example', ip: '192.0.2.1', severity: 'no_access', email: 'a@b.example' })).statusCode, url).toBe(403);
      expect((await admin.get(url)).statusCode, url).toBe(200);
    }
    expect(await count('domain_blocks')).toBe(0);
    expect(await count('ip_blocks')).toBe(0);
  });

  it('needs the admin scopes on the token', async () => {
    const noScope = await s.createUser('root2', { role: 'admin', scopes: ['read', 'write'] });
    expect((await noScope.get('/api/v1/admin/domain_blocks')).statusCode).toBe(403);
  });
});

describe('domain blocks', () => {
  it('creates, shows, lists, updates and deletes a block, auditing each change', async () => {
    const res = await admin.post('/api/v1/admin/domain_blocks', { domain: ' Spam.Example ', severity: 'suspend', public_comment: 'Spam source', private_comment: 'seen in reports', obfuscate: true });
    expect(res.statusCode, res.body).toBe(200);
    const block = res.json() as AdminDomainBlockJson;
    expect(block).toMatchObject({ domain: 'spam.example', severity: 'suspend', reject_media: false, reject_reports: false, public_comment: 'Spam source', private_comment: 'seen in reports', obfuscate: true });
    expect(block.digest).toMatch(/^[0-9a-f]{64}$/);
    expect((await admin.get(`/api/v1/admin/domain_blocks/${block.id}`)).json()).toEqual(block);

    const changed = await admin.put(`/api/v1/admin/domain_blocks/${block.id}`, { severity: 'silence', reject_media: 'true' });
    expect(changed.json()).toMatchObject({ id: block.id, domain: 'spam.example', severity: 'silence', reject_media: true, public_comment: 'Spam source', obfuscate: true });
    expect((await admin.get('/api/v1/admin/domain_blocks')).json()).toEqual([changed.json()]);

    expect((await admin.delete(`/api/v1/admin/domain_blocks/${block.id}`)).json()).toEqual({});
    expect((await admin.get(`/api/v1/admin/domain_blocks/${block.id}`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/v1/admin/domain_blocks/${block.id}`)).statusCode).toBe(404);

    for (const action of ['domain_block.create', 'domain_block.update', 'domain_block.destroy']) {
      const [entry] = await logOf(action);
      expect(entry, action).toMatchObject({ action, target_type: 'domain_block', target_id: block.id, account: { id: admin.id } });
      expect(entry!.summary).toContain('spam.example');
    }
    // The log can be narrowed to one kind of target.
    const blocksOnly = (await admin.get('/api/v1/admin/action_logs?target_type=domain_block')).json() as AdminActionLogJson[];
    expect(new Set(blocksOnly.map((e) => e.target_type))).toEqual(new Set(['domain_block']));
  });

  it('refuses bad input and a second block of a domain, storing nothing', async () => {
    const before = await count('domain_blocks');
    for (const body of [{}, { domain: '' }, { domain: 'not a domain' }, { domain: 'https://x.example/' }, { domain: 'ok.example', severity: 'nuke' }, { domain: 'ok.example', reject_media: 'maybe' }]) {
      const res = await admin.post('/api/v1/admin/domain_blocks', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().error).toMatch(/^Validation failed/);
    }
    expect((await admin.post('/api/v1/admin/domain_blocks', {})).json()).toEqual({ error: "Validation failed: Domain can't be blank" });
    expect(await count('domain_blocks')).toBe(before);

    const first = (await admin.post('/api/v1/admin/domain_blocks', { domain: 'dupe.example', severity: 'silence' })).json() as AdminDomainBlockJson;
    const again = await admin.post('/api/v1/admin/domain_blocks', { domain: 'DUPE.example', severity: 'suspend' });
    expect(again.statusCode).toBe(422);
    expect(again.json().existing_domain_block).toMatchObject({ id: first.id, domain: 'dupe.example' });
    // A subdomain's block must add something to its parent's.
    expect((await admin.post('/api/v1/admin/domain_blocks', { domain: 'sub.dupe.example', severity: 'silence' })).statusCode).toBe(422);
    expect((await admin.post('/api/v1/admin/domain_blocks', { domain: 'sub.dupe.example', severity: 'suspend' })).statusCode).toBe(200);
    expect((await admin.put(`/api/v1/admin/domain_blocks/${first.id}`, { severity: 'ban' })).statusCode).toBe(422);
    expect((await admin.get(`/api/v1/admin/domain_blocks/${first.id}`)).json().severity).toBe('silence');
  });

  it('publishes limiting blocks at /api/v1/instance/domain_blocks, obfuscated where asked', async () => {
    await admin.post('/api/v1/admin/domain_blocks', { domain: 'hidden-name.example', severity: 'suspend', obfuscate: true, public_comment: 'Harassment' });
    await admin.post('/api/v1/admin/domain_blocks', { domain: 'quiet.example', severity: 'noop', reject_media: true });
    const list = (await s.inject({ method: 'GET', url: '/api/v1/instance/domain_blocks' })).json() as { domain: string; digest: string; severity: string; comment?: string }[];
    const hidden = list.find((b) => b.comment === 'Harassment');
    expect(hidden).toBeDefined();
    expect(hidden!.domain).not.toBe('hidden-name.example');
    // Both ends stay readable; the digest still identifies the exact domain.
    expect(hidden).toEqual({ domain: 'hidde******.**ample', digest: createHash('sha256').update('hidden-name.example').digest('hex'), severity: 'suspend', comment: 'Harassment' });
    expect(list.some((b) => b.domain === 'dupe.example' && b.severity === 'silence')).toBe(true);
    expect(list.some((b) => b.domain.includes('quiet'))).toBe(false);
  });

  it('paginates with Link headers', async () => {
    const page = await admin.get('/api/v1/admin/domain_blocks?limit=2');
    expect(page.json()).toHaveLength(2);
    expect(page.headers.link).toMatch(/rel="next"/);
    const next = /<([^>]+)>; rel="next"/.exec(String(page.headers.link))![1]!;
    const rest = (await admin.get(new URL(next).pathname + new URL(next).search)).json() as AdminDomainBlockJson[];
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.some((b) => page.json().some((p: AdminDomainBlockJson) => p.id === b.id))).toBe(false);
  });
});

describe('domain allows', () => {
  it('creates (once), lists, shows and deletes, auditing changes', async () => {
    const a = (await admin.post('/api/v1/admin/domain_allows', { domain: 'Friends.Example' })).json();
    expect(a).toMatchObject({ domain: 'friends.example' });
    expect((await admin.post('/api/v1/admin/domain_allows', { domain: 'friends.example' })).json()).toEqual(a);
    expect(await count('domain_allows')).toBe(1);
    expect((await admin.get('/api/v1/admin/domain_allows')).json()).toEqual([a]);
    expect((await admin.get(`/api/v1/admin/domain_allows/${a.id}`)).json()).toEqual(a);
    expect((await admin.post('/api/v1/admin/domain_allows', { domain: 'bad domain' })).statusCode).toBe(422);
    expect((await admin.delete(`/api/v1/admin/domain_allows/${a.id}`)).json()).toEqual({});
    expect(await count('domain_allows')).toBe(0);
    expect((await logOf('domain_allow.create'))).toHaveLength(1);
    expect((await logOf('domain_allow.destroy'))).toHaveLength(1);
  });
});

describe('IP blocks', () => {
  it('validates and normalises ranges, refusing bad input without storing it', async () => {
    const before = await count('ip_blocks');
    for (const body of [{ ip: '192.0.2.1' }, { ip: 'not-an-ip', severity: 'no_access' }, { ip: '192.0.2.0/33', severity: 'no_access' }, { ip: '192.0.2.0/24', severity: 'forbid' }, { ip: '192.0.2.0/24', severity: 'no_access', expires_in: 'soon' }]) {
      expect((await admin.post('/api/v1/admin/ip_blocks', body)).statusCode, JSON.stringify(body)).toBe(422);
    }
    expect(await count('ip_blocks')).toBe(before);
    const v6 = (await admin.post('/api/v1/admin/ip_blocks', { ip: '2001:DB8:0:0:1::5/64', severity: 'sign_up_block', comment: 'v6 range', expires_in: 3600 })).json() as AdminIpBlockJson;
    expect(v6).toMatchObject({ ip: '2001:db8::/64', severity: 'sign_up_block', comment: 'v6 range' });
    expect(Date.parse(v6.expires_at!) - Date.parse(v6.created_at)).toBe(3600_000);
    const dupe = await admin.post('/api/v1/admin/ip_blocks', { ip: '2001:db8::9/64', severity: 'no_access' });
    expect(dupe.statusCode).toBe(422);
    expect(dupe.json().error).toBe('Validation failed: Ip has already been taken');
    const changed = await admin.put(`/api/v1/admin/ip_blocks/${v6.id}`, { comment: 'edited', expires_in: '' });
    expect(changed.json()).toMatchObject({ ip: '2001:db8::/64', comment: 'edited', expires_at: null });
    expect((await admin.delete(`/api/v1/admin/ip_blocks/${v6.id}`)).json()).toEqual({});
    expect((await logOf('ip_block.create'))[0]).toMatchObject({ target_id: v6.id });
    expect((await logOf('ip_block.update'))[0]).toMatchObject({ target_id: v6.id });
    expect((await logOf('ip_block.destroy'))[0]).toMatchObject({ target_id: v6.id });
  });

  it('refuses sign-ups from a sign_up_block range (API and web form) and holds sign_up_requires_approval ones', async () => {
    const block = (await admin.post('/api/v1/admin/ip_blocks', { ip: '198.51.100.0/24', severity: 'sign_up_block' })).json() as AdminIpBlockJson;
    const refused = await apiSignUp('blockedip', 'blockedip@example.com', '198.51.100.77');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatch(/network/);
    expect(await userRow('blockedip')).toBeUndefined();
    const web = await webSignUp('blockedweb', 'blockedweb@example.com', '198.51.100.78');
    expect(web.statusCode).toBe(422);
    expect(web.body).toContain('Sign-ups from your network are not allowed');
    expect(await userRow('blockedweb')).toBeUndefined();
    // Outside the range, and in IPv4-mapped form inside it.
    expect((await apiSignUp('fineip', 'fineip@example.com', '198.51.101.1')).statusCode).toBe(200);
    expect((await apiSignUp('mappedip', 'mappedip@example.com', '::ffff:198.51.100.9')).statusCode).toBe(422);

    await admin.put(`/api/v1/admin/ip_blocks/${block.id}`, { severity: 'sign_up_requires_approval' });
    const held = await apiSignUp('heldip', 'heldip@example.com', '198.51.100.77');
    expect(held.statusCode).toBe(200);
    expect(await userRow('heldip')).toEqual({ approved: 0 });
    const heldWeb = await webSignUp('heldweb', 'heldweb@example.com', '198.51.100.79');
    expect(heldWeb.statusCode).toBe(200);
    expect(heldWeb.body).toContain('waiting for a moderator');
    expect(await userRow('heldweb')).toEqual({ approved: 0 });
    expect(await userRow('fineip')).toEqual({ approved: 1 });
    await admin.delete(`/api/v1/admin/ip_blocks/${block.id}`);
    expect((await apiSignUp('freeagain', 'freeagain@example.com', '198.51.100.77')).statusCode).toBe(200);
  });

  it('shuts out a no_access range from every request until the block is lifted or expires', async () => {
    const block = (await admin.post('/api/v1/admin/ip_blocks', { ip: '203.0.113.0/28', severity: 'no_access', expires_in: 60 })).json() as AdminIpBlockJson;
    const from = (remoteAddress: string) => s.inject({ method: 'GET', url: '/api/v1/instance', remoteAddress });
    expect((await from('203.0.113.5')).statusCode).toBe(403);
    expect((await from('203.0.113.16')).statusCode).toBe(200);
    expect((await apiSignUp('noaccess', 'noaccess@example.com', '203.0.113.5')).statusCode).toBe(403);
    await admin.delete(`/api/v1/admin/ip_blocks/${block.id}`);
    expect((await from('203.0.113.5')).statusCode).toBe(200);

    // An expired block stops applying, even while the in-memory copy still holds it.
    const short = (await admin.post('/api/v1/admin/ip_blocks', { ip: '203.0.113.0/28', severity: 'no_access', expires_in: 60 })).json() as AdminIpBlockJson;
    expect((await from('203.0.113.5')).statusCode).toBe(403);
    clockOffsetMs = 61_000;
    try {
      expect((await from('203.0.113.5')).statusCode).toBe(200);
    } finally {
      clockOffsetMs = 0;
      await admin.delete(`/api/v1/admin/ip_blocks/${short.id}`);
    }
  });
});

describe('e-mail domain blocks', () => {
  it('refuses sign-ups from the domain and its subdomains, counting them in the history', async () => {
    const before = await count('email_domain_blocks');
    expect((await admin.post('/api/v1/admin/email_domain_blocks', {})).statusCode).toBe(422);
    expect((await admin.post('/api/v1/admin/email_domain_blocks', { domain: 'no spaces.example' })).statusCode).toBe(422);
    expect(await count('email_domain_blocks')).toBe(before);

    const res = await admin.post('/api/v1/admin/email_domain_blocks', { domain: 'Throwaway.Example' });
    expect(res.statusCode, res.body).toBe(200);
    const block = res.json() as AdminEmailDomainBlockJson;
    expect(block).toMatchObject({ domain: 'throwaway.example', allow_with_approval: false });
    expect(block.history).toHaveLength(7);
    expect(block.history.every((h) => h.uses === '0' && h.accounts === '0')).toBe(true);
    expect((await admin.post('/api/v1/admin/email_domain_blocks', { domain: 'throwaway.example' })).json().error).toBe('Validation failed: Domain has already been taken');

    const refused = await apiSignUp('throw1', 'someone@throwaway.example', '192.0.2.10');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: 'Validation failed: Email uses a disallowed e-mail provider', details: { email: [{ error: 'ERR_BLOCKED' }] } });
    expect((await apiSignUp('throw2', 'someone@mx.Throwaway.example', '192.0.2.10')).statusCode).toBe(422);
    expect((await apiSignUp('throw3', 'other@throwaway.example', '192.0.2.11')).statusCode).toBe(422);
    expect((await webSignUp('throw4', 'web@throwaway.example', '192.0.2.12')).statusCode).toBe(422);
    // Not a subdomain: only the name ends alike.
    expect((await apiSignUp('notthrow', 'ok@notthrowaway.example', '192.0.2.10')).statusCode).toBe(200);
    expect(await userRow('throw1')).toBeUndefined();

    const [listed] = (await admin.get('/api/v1/admin/email_domain_blocks')).json() as AdminEmailDomainBlockJson[];
    expect(listed!.history[0]).toMatchObject({ uses: '4', accounts: '3' });
    expect(Number(listed!.history[0]!.day) % 86400).toBe(0);
    expect((await admin.get(`/api/v1/admin/email_domain_blocks/${block.id}`)).json().history[0].uses).toBe('4');

    expect((await admin.delete(`/api/v1/admin/email_domain_blocks/${block.id}`)).json()).toEqual({});
    expect((await apiSignUp('throw5', 'someone@throwaway.example', '192.0.2.10')).statusCode).toBe(200);
    expect(await logOf('email_domain_block.create')).toHaveLength(1);
    expect(await logOf('email_domain_block.destroy')).toHaveLength(1);
  });

  it('holds sign-ups for approval when the block allows them with approval', async () => {
    await admin.post('/api/v1/admin/email_domain_blocks', { domain: 'review.example', allow_with_approval: true });
    expect((await apiSignUp('reviewme', 'me@review.example')).statusCode).toBe(200);
    expect(await userRow('reviewme')).toEqual({ approved: 0 });
  });
});

describe('canonical e-mail blocks', () => {
  it('blocks an address in all its spellings, storing only its hash', async () => {
    expect((await admin.post('/api/v1/admin/canonical_email_blocks', {})).statusCode).toBe(422);
    expect((await admin.post('/api/v1/admin/canonical_email_blocks', { canonical_email_hash: 'xyz' })).statusCode).toBe(422);
    expect(await count('canonical_email_blocks')).toBe(0);

    const block = (await admin.post('/api/v1/admin/canonical_email_blocks', { email: 'John.Doe+spam@mail.example' })).json() as AdminCanonicalEmailBlockJson;
    expect(block.canonical_email_hash).toMatch(/^[0-9a-f]{64}$/);
    const stored = await s.ctx.db.selectFrom('canonical_email_blocks').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain('john');
    expect((await admin.post('/api/v1/admin/canonical_email_blocks', { canonical_email_hash: block.canonical_email_hash })).json().error).toBe('Validation failed: Canonical email hash has already been taken');

    expect((await admin.post('/api/v1/admin/canonical_email_blocks/test', { email: 'johndoe@MAIL.example' })).json()).toEqual([block]);
    expect((await admin.post('/api/v1/admin/canonical_email_blocks/test', { email: 'jane@mail.example' })).json()).toEqual([]);
    expect((await admin.post('/api/v1/admin/canonical_email_blocks/test', {})).statusCode).toBe(422);
    expect((await admin.get(`/api/v1/admin/canonical_email_blocks/${block.id}`)).json()).toEqual(block);

    const refused = await apiSignUp('johnny', 'j.o.h.n.doe+new@mail.example');
    expect(refused.statusCode).toBe(422);
    expect(await userRow('johnny')).toBeUndefined();
    expect((await apiSignUp('jane', 'jane@mail.example')).statusCode).toBe(200);

    expect((await admin.delete(`/api/v1/admin/canonical_email_blocks/${block.id}`)).json()).toEqual({});
    expect((await apiSignUp('johnny', 'j.o.h.n.doe+new@mail.example')).statusCode).toBe(200);
    const [created] = await logOf('canonical_email_block.create');
    expect(created!.summary).not.toContain('john');
    expect(await logOf('canonical_email_block.destroy')).toHaveLength(1);
  });
});
