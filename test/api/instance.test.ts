import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids.ts';
import { createTestServer, type TestServer } from '../helpers/server.ts';

// Usage counts are cached for a minute: tests move this clock past that to see fresh counts.
let now = Date.now();
const clock = { now: () => new Date(now) };
const afterUsageCache = () => (now += 61_000);

let s: TestServer;
beforeAll(async () => {
  s = await createTestServer({ env: { PARLEY_MAX_STATUS_CHARS: '777' }, clock });
});
afterAll(() => s.close());

const get = (url: string) => s.inject({ method: 'GET', url });

async function addRule(text: string, position: number) {
  await s.ctx.db.insertInto('instance_rules').values({ id: newId(), text, hint: `${text} hint`, position, created_at: new Date().toISOString() }).execute();
}

describe('GET /api/v2/instance', () => {
  it('describes the server in Mastodon 4.5 shape', async () => {
    const res = await get('/api/v2/instance');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toMatch(/public/);
    const body = res.json();
    expect(body).toMatchObject({
      domain: 'parley.test',
      title: 'Parley',
      version: '4.5.0 (compatible; Parley 0.1.0)',
      description: '',
      usage: { users: { active_month: expect.any(Number) } },
      thumbnail: { url: 'https://parley.test/headers/original/missing.png' },
      icon: [],
      languages: ['en'],
      api_versions: { mastodon: 7 },
      contact: { email: '', account: null },
      rules: [],
    });
    expect(body.configuration).toMatchObject({
      urls: { streaming: 'wss://parley.test', status: null, about: 'https://parley.test/about' },
      vapid: { public_key: expect.any(String) },
      accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
      statuses: { max_characters: 777, max_media_attachments: 4, characters_reserved_per_url: 23 },
      media_attachments: { supported_mime_types: expect.any(Array), description_limit: 1500, image_size_limit: expect.any(Number) },
      polls: { max_options: 4, max_characters_per_option: 50, min_expiration: 300, max_expiration: 2629746 },
      translation: { enabled: false },
      limited_federation: false,
    });
    expect(body.registrations).toEqual({ enabled: true, approval_required: false, reason_required: false, message: null, min_age: null, url: null });
  });

  it('names the first admin as contact, lists rules in order, and counts active users', async () => {
    await s.createUser('zed');
    const admin = await s.createUser('boss', { role: 'admin' });
    now += 1000; // the first admin is the one created first
    await s.createUser('boss2', { role: 'admin' });
    await addRule('Be kind', 2);
    await addRule('No spam', 1);
    await s.ctx.db.updateTable('users').set({ last_sign_in_at: new Date(now).toISOString() }).where('account_id', '=', admin.id).execute();
    afterUsageCache();
    const body = (await get('/api/v2/instance')).json();
    expect(body.contact.account).toMatchObject({ id: admin.id, username: 'boss', acct: 'boss' });
    expect(body.rules.map((r: { text: string }) => r.text)).toEqual(['No spam', 'Be kind']);
    expect(body.rules[0]).toEqual({ id: expect.any(String), text: 'No spam', hint: 'No spam hint', translations: {} });
    expect(body.usage.users.active_month).toBe(1);
  });

  it('keeps usage counts for a minute, then counts again', async () => {
    afterUsageCache();
    const before = (await get('/api/v1/instance')).json().stats.user_count;
    await s.createUser('newcomer');
    expect((await get('/api/v1/instance')).json().stats.user_count).toBe(before);
    afterUsageCache();
    expect((await get('/api/v1/instance')).json().stats.user_count).toBe(before + 1);
  });

  it('reads title, description, contact and registration mode from the settings table', async () => {
    const now = new Date().toISOString();
    await s.ctx.db
      .insertInto('settings')
      .values([
        { key: 'site_title', value: JSON.stringify('My Parley'), updated_at: now },
        { key: 'site_short_description', value: JSON.stringify('A small place'), updated_at: now },
        { key: 'site_contact_email', value: JSON.stringify('admin@parley.test'), updated_at: now },
        { key: 'registrations_mode', value: JSON.stringify('approval'), updated_at: now },
      ])
      .execute();
    try {
      const v2 = (await get('/api/v2/instance')).json();
      expect(v2).toMatchObject({ title: 'My Parley', description: 'A small place', contact: { email: 'admin@parley.test' } });
      expect(v2.registrations).toMatchObject({ enabled: true, approval_required: true });
      const v1 = (await get('/api/v1/instance')).json();
      expect(v1).toMatchObject({ title: 'My Parley', short_description: 'A small place', email: 'admin@parley.test', registrations: true, approval_required: true });
    } finally {
      await s.ctx.db.deleteFrom('settings').where('key', 'in', ['site_title', 'site_short_description', 'site_contact_email', 'registrations_mode']).execute();
    }
  });
});

describe('GET /api/v1/instance', () => {
  it('answers the V1::Instance shape', async () => {
    afterUsageCache();
    const body = (await get('/api/v1/instance')).json();
    expect(body).toMatchObject({
      uri: 'parley.test',
      title: 'Parley',
      version: '4.5.0 (compatible; Parley 0.1.0)',
      urls: { streaming_api: 'wss://parley.test' },
      stats: { user_count: expect.any(Number), status_count: 0, domain_count: 0 },
      thumbnail: expect.stringMatching(/^https:\/\/parley\.test\//),
      languages: ['en'],
      registrations: true,
      approval_required: false,
      invites_enabled: false,
      configuration: { statuses: { max_characters: 777 }, polls: { max_options: 4 }, accounts: { max_featured_tags: 10 } },
    });
    expect(body.stats.user_count).toBeGreaterThanOrEqual(3);
    expect(body.contact_account).toMatchObject({ username: 'boss' });
    expect(Array.isArray(body.rules)).toBe(true);
  });

  it('gives ws:// for a plain-http server and follows PARLEY_REGISTRATIONS', async () => {
    const other = await createTestServer({ env: { PARLEY_HTTPS: 'false', PARLEY_REGISTRATIONS: 'closed' } });
    try {
      const v1 = (await other.inject({ method: 'GET', url: '/api/v1/instance' })).json();
      expect(v1.urls.streaming_api).toBe('ws://parley.test');
      expect(v1.registrations).toBe(false);
      const v2 = (await other.inject({ method: 'GET', url: '/api/v2/instance' })).json();
      expect(v2.configuration.urls.streaming).toBe('ws://parley.test');
      expect(v2.registrations).toMatchObject({ enabled: false, approval_required: false });
    } finally {
      await other.close();
    }
  });
});

describe('instance sub-resources', () => {
  it('lists rules', async () => {
    const res = await get('/api/v1/instance/rules');
    expect(res.statusCode).toBe(200);
    expect(res.json().map((r: { text: string }) => r.text)).toEqual(['No spam', 'Be kind']);
  });

  it('has no peers, translation languages, domain blocks or custom emojis yet', async () => {
    expect((await get('/api/v1/instance/peers')).json()).toEqual([]);
    expect((await get('/api/v1/instance/translation_languages')).json()).toEqual({});
    expect((await get('/api/v1/instance/domain_blocks')).json()).toEqual([]);
    expect((await get('/api/v1/custom_emojis')).json()).toEqual([]);
  });

  it('reports twelve weeks of activity as strings, counting this week', async () => {
    const poster = await s.createUser('poster');
    expect((await poster.post('/api/v1/statuses', { status: 'counted this week' })).statusCode).toBe(200);
    const body = (await get('/api/v1/instance/activity')).json();
    expect(body).toHaveLength(12);
    for (const w of body) {
      expect(Object.keys(w).sort()).toEqual(['logins', 'registrations', 'statuses', 'week']);
      for (const v of Object.values(w)) expect(v).toMatch(/^\d+$/);
    }
    const weeks = body.map((w: { week: string }) => Number(w.week));
    expect(weeks[0]! - weeks[1]!).toBe(7 * 86400);
    // Monday midnight UTC.
    expect(new Date(weeks[0]! * 1000).getUTCDay()).toBe(1);
    expect(Number(body[0].registrations)).toBeGreaterThanOrEqual(3);
    expect(Number(body[0].logins)).toBeGreaterThanOrEqual(1);
    expect(body[0].statuses).toBe('1');
    expect(body.slice(1).map((w: { statuses: string }) => w.statuses)).toEqual(Array(11).fill('0'));
  });

  it('lists languages with English names', async () => {
    const body = (await get('/api/v1/instance/languages')).json();
    expect(body).toContainEqual({ code: 'en', name: 'English' });
    expect(body).toContainEqual({ code: 'de', name: 'German' });
    expect(body.length).toBeGreaterThan(100);
  });

  it('serves the extended description and a default privacy policy', async () => {
    const ext = (await get('/api/v1/instance/extended_description')).json();
    expect(ext).toEqual({ updated_at: expect.any(String), content: '' });
    const pp = (await get('/api/v1/instance/privacy_policy')).json();
    expect(pp.content).toMatch(/parley\.test/);
    expect(pp.updated_at).toEqual(expect.any(String));
  });

  it('answers 404 for terms of service until the admin writes them, then serves them', async () => {
    expect((await get('/api/v1/instance/terms_of_service')).statusCode).toBe(404);
    await s.ctx.db
      .insertInto('settings')
      .values([
        { key: 'terms_of_service', value: JSON.stringify('<p>Be nice</p>'), updated_at: '2025-04-15T10:00:00.000Z' },
      ])
      .execute();
    try {
      expect((await get('/api/v1/instance/terms_of_service')).json()).toEqual({ effective_date: '2025-04-15', effective: true, content: '<p>Be nice</p>', succeeded_by: null });
      expect((await get('/api/v1/instance/terms_of_service/2025-04-15')).statusCode).toBe(200);
      expect((await get('/api/v1/instance/terms_of_service/2020-01-01')).statusCode).toBe(404);
      expect((await get('/api/v2/instance')).json().configuration.urls.terms_of_service).toBe('https://parley.test/terms-of-service');
    } finally {
      await s.ctx.db.deleteFrom('settings').where('key', '=', 'terms_of_service').execute();
    }
  });
});

describe('trends and announcements', () => {
  it('returns empty trends and validates paging', async () => {
    for (const url of ['/api/v1/trends/tags', '/api/v1/trends/statuses', '/api/v1/trends/links', '/api/v1/trends']) {
      const res = await get(`${url}?limit=5&offset=0`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual([]);
    }
    const bad = await get('/api/v1/trends/tags?limit=abc');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatch(/limit/);
  });

  it('lists no announcements for a user and requires a user token', async () => {
    const alice = await s.createUser('alice');
    const res = await alice.get('/api/v1/announcements');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
    expect((await get('/api/v1/announcements')).statusCode).toBe(401);
    expect((await alice.post(`/api/v1/announcements/${newId()}/dismiss`)).statusCode).toBe(404);
  });
});

describe('default images', () => {
  it.each(['/avatars/original/missing.png', '/headers/original/missing.png'])('serves %s as a cacheable PNG', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toMatch(/max-age=31536000/);
    expect(res.rawPayload.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(res.rawPayload.length).toBeLessThan(10_000);
  });
});
