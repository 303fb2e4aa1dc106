// Deleting one's own account: password-confirmed, closed at once, then erased by a job. After
// the jobs, no table holds anything the person wrote (a marker written everywhere is searched in
// every text column), their id survives only where it must, their files are gone, others'
// counters are right, and the name stays reserved. Suspensions not lifted in 30 days end the same way.
import { readdirSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/infra/clock.ts';
import { eraseLongSuspended } from '../../src/services/accounts/delete-own-account.ts';
import { placesHolding } from '../helpers/db-scan.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { multipart } from '../media/multipart.ts';

let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };

let s: TestServer;
let bob: TestUser;
beforeAll(async () => {
  s = await createTestServer({ clock, smtp: true });
  bob = await s.createUser('bob');
});
afterAll(() => s.close());

const filesOnDisk = () => readdirSync(s.config.media.dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;

describe('POST /api/v1/accounts/delete', () => {
  it('needs the right password, and an admin cannot delete themselves', async () => {
    const carol = await s.createUser('carol');
    expect((await carol.post('/api/v1/accounts/delete', { password: 'wrong' })).statusCode).toBe(422);
    expect((await carol.post('/api/v1/accounts/delete', {})).statusCode).toBe(422);
    expect((await carol.get('/api/v1/accounts/verify_credentials')).statusCode).toBe(200);
    const admin = await s.createUser('admin1', { role: 'admin' });
    expect((await admin.post('/api/v1/accounts/delete', { password: admin.password })).statusCode).toBe(422);
  });

  it('closes the account at once and erases everything of it, keeping the name reserved', async () => {
    const alice = await s.createUser('alice');
    const marker = `zqx${Date.now().toString(36)}gone`;
    await bob.post(`/api/v1/accounts/${alice.id}/follow`);
    await alice.post(`/api/v1/accounts/${bob.id}/follow`);
    const bobsPost = (await bob.post('/api/v1/statuses', { status: 'bob writes' })).json();
    // Alice's traces everywhere: profile, avatar, posts with media, a poll, favourites,
    // bookmarks, a list, a filter, a report, a private note.
    const avatar = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#123456' } }).png().toBuffer();
    const form = multipart([{ name: 'avatar', value: avatar, filename: 'a.png', contentType: 'image/png' }, { name: 'display_name', value: `Alice ${marker}` }, { name: 'note', value: `bio ${marker}` }]);
    expect((await s.inject({ method: 'PATCH', url: '/api/v1/accounts/update_credentials', payload: form.payload, headers: { ...form.headers, authorization: `Bearer ${alice.token}` } })).statusCode).toBe(200);
    const picture = multipart([{ name: 'file', value: avatar, filename: 'p.png', contentType: 'image/png' }, { name: 'description', value: `alt ${marker}` }]);
    const media = (await alice.post('/api/v2/media', picture.payload, { headers: picture.headers })).json();
    const post = (await alice.post('/api/v1/statuses', { status: `post ${marker}`, media_ids: [media.id] })).json();
    await alice.post('/api/v1/statuses', { status: `poll ${marker}`, poll: { options: [`yes ${marker}`, 'no'], expires_in: 3600 } });
    await alice.post('/api/v1/statuses', { status: `@bob private ${marker}`, visibility: 'direct' });
    await bob.post(`/api/v1/statuses/${post.id}/reblog`);
    await bob.post(`/api/v1/statuses/${post.id}/favourite`);
    await alice.post(`/api/v1/statuses/${bobsPost.id}/favourite`);
    await alice.post(`/api/v1/statuses/${bobsPost.id}/bookmark`);
    await alice.post('/api/v1/lists', { title: `list ${marker}` });
    await alice.post('/api/v2/filters', { title: `filter ${marker}`, context: ['home'], keywords_attributes: [{ keyword: marker }] });
    await alice.post(`/api/v1/accounts/${bob.id}/note`, { comment: `note ${marker}` });
    await alice.post('/api/v1/reports', { account_id: bob.id, comment: `report ${marker}` });
    await s.drainJobs();
    expect((await placesHolding(s.ctx, marker)).length).toBeGreaterThan(8);
    expect(filesOnDisk()).toBeGreaterThan(0);

    const res = await alice.post('/api/v1/accounts/delete', { password: alice.password });
    expect(res.statusCode, res.body).toBe(202);
    // Closed at once: the token no longer works, the profile is gone.
    expect((await alice.get('/api/v1/accounts/verify_credentials')).statusCode).toBe(401);
    expect((await bob.get(`/api/v1/accounts/${alice.id}`)).statusCode).toBe(404);

    await s.drainJobs();
    expect(await placesHolding(s.ctx, marker)).toEqual([]);
    // The id remains only on the reserved account row and the report (whose comment is gone).
    expect((await placesHolding(s.ctx, alice.id)).sort()).toEqual(['accounts.id', 'reports.account_id']);
    expect(filesOnDisk()).toBe(0);
    expect((await bob.get(`/api/v1/accounts/${bob.id}`)).json()).toMatchObject({ followers_count: 0, following_count: 0 });
    expect((await bob.get(`/api/v1/statuses/${post.id}`)).statusCode).toBe(404);
    const signUpAgain = await s.inject({ method: 'POST', url: '/api/v1/accounts', payload: { username: 'alice', email: 'new-alice@example.com', password: 'long enough pw', agreement: true }, headers: { authorization: `Bearer ${(await appToken())}` } });
    expect(signUpAgain.statusCode).toBe(422);
    expect(signUpAgain.json().error).toMatch(/taken/);
    expect(s.mail.at(-1)).toMatchObject({ to: 'alice@example.com' });
    expect(s.mail.at(-1)!.subject).toMatch(/deleted/);
  });
});

describe('suspensions not lifted in 30 days', () => {
  it('end in erasure', async () => {
    const mod = await s.createUser('mod', { role: 'moderator', scopes: ['read', 'write', 'admin:read', 'admin:write'] });
    const dave = await s.createUser('dave');
    await dave.post('/api/v1/statuses', { status: 'dave was here' });
    await mod.post(`/api/v1/admin/accounts/${dave.id}/action`, { type: 'suspend', text: 'threats' });
    offsetMs += 29 * 24 * 3600_000;
    expect(await eraseLongSuspended(s.ctx)).toBe(0);
    offsetMs += 2 * 24 * 3600_000;
    expect(await eraseLongSuspended(s.ctx)).toBe(1);
    await s.drainJobs();
    expect(await placesHolding(s.ctx, 'dave was here')).toEqual([]);
    const row = await s.ctx.db.selectFrom('accounts').select(['deleted_at', 'display_name']).where('id', '=', dave.id).executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
    expect(await s.ctx.db.selectFrom('users').select('email').where('account_id', '=', dave.id).execute()).toEqual([]);
  });
});

async function appToken(): Promise<string> {
  const app = (await s.inject({ method: 'POST', url: '/api/v1/apps', payload: { client_name: 'signup', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', scopes: 'read write' } })).json();
  const token = await s.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret, scope: 'write' } });
  return token.json().access_token;
}
