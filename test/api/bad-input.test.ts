// Bad input is the client's problem, never the server's: every route of the app, called with
// wrong types, malformed bodies, unknown and malicious ids, must answer below 500 (and a 4xx
// must be in Mastodon's error shape). The route list comes from the app itself, so a new
// endpoint is covered the day it is added.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

let s: TestServer;
let alice: TestUser;
beforeAll(async () => {
  s = await createTestServer();
  alice = await s.createUser('alice', { role: 'admin', scopes: ['read', 'write', 'follow', 'push', 'admin:read', 'admin:write'] });
  await s.createUser('bob');
  // Some real data, so handlers get past their "not found" checks where an id happens to exist.
  await alice.post('/api/v1/statuses', { status: 'hello #world', poll: { options: ['a', 'b'], expires_in: 3600 } });
  await s.drainJobs();
});
afterAll(() => s.close());

// Values of the wrong type for the parameter names Mastodon's API uses most.
const JUNK: Record<string, unknown> = {
  status: { nested: true }, spoiler_text: 42, visibility: 'everyone', sensitive: 'maybe', language: 12345,
  in_reply_to_id: '../../etc/passwd', media_ids: 'not-a-list', poll: 'yes', scheduled_at: 'tomorrow-ish',
  quoted_status_id: "1' OR '1'='1", id: { $ne: null }, account_ids: [null, 7], limit: -5, max_id: '<script>',
  since_id: [], min_id: {}, q: ['a', 'b'], type: 'everything', resolve: 'perhaps', offset: 'NaN', title: null,
  replies_policy: 'some', exclusive: 'perhaps', reblogs: 'often', notify: [], duration: 'forever',
  notifications: 'x', display_name: ['x'], note: { a: 1 }, locked: 'kind of', fields_attributes: 'f', source: 'nope',
  choices: 'first', comment: 5, grant_type: 7, client_id: [], redirect_uri: {}, scope: 9, code: [],
  last_read_id: { x: 1 }, timeline: ['home'], types: 'mention', exclude_types: 5, username: {}, email: [],
  password: 1, agreement: 'sure', acct: [], tag: {}, list: [], stream: 99, order: 'random', local: 'somewhat',
};
const QUERY = '?limit=abc&max_id=..%2F..&since_id=%00&min_id=%27&id[]=x&types[]=1&q[]=a&offset=-1&local=2&tag[x]=1';
const IDS = ['01ARZ3NDEKTSV4RRFFQ69G5FAV', '..%2F..%2Fetc', '%27%20OR%201%3D1', '0', 'x'.repeat(300)];

function urlsFor(pattern: string): string[] {
  if (!pattern.includes(':')) return [pattern];
  return IDS.map((id) => pattern.replace(/:[A-Za-z_]+/g, id));
}

function cases() {
  const out: { method: string; url: string }[] = [];
  for (const r of s.app.parleyRoutes) {
    // Streams stay open by design; the streaming tests cover their bad input.
    if (r.websocket || r.url.startsWith('/api/v1/streaming') || r.method === 'HEAD' || r.method === 'OPTIONS') continue;
    for (const url of urlsFor(r.url)) out.push({ method: r.method, url });
  }
  return out;
}

type Sender = (method: string, url: string) => Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>;

async function expectNo5xx(send: Sender) {
  const failures: string[] = [];
  for (const { method, url } of cases()) {
    const variants: [string, string][] = [[method, url], [method, url + QUERY]];
    for (const [m, u] of variants) {
      const res = await send(m, u);
      if (res.statusCode >= 500) failures.push(`${m} ${u} -> ${res.statusCode} ${res.body.slice(0, 120)}`);
      const type = String(res.headers['content-type'] ?? '');
      if (res.statusCode >= 400 && type.startsWith('application/json')) {
        const body = JSON.parse(res.body) as Record<string, unknown>;
        if (typeof body.error !== 'string') failures.push(`${m} ${u} -> ${res.statusCode} without an "error" string`);
      }
    }
  }
  expect(failures).toEqual([]);
}

describe('NUL characters', () => {
  it('are refused with a 400 wherever they appear (PostgreSQL cannot store them)', async () => {
    const cases = [
      await alice.post('/api/v1/statuses', { status: 'a\u0000b' }),
      await alice.patch('/api/v1/accounts/update_credentials', { display_name: 'x\u0000y' }),
      await alice.get('/api/v2/search?q=a%00b&type=statuses'),
      await alice.get('/api/v1/accounts/lookup?acct=a%00b'),
      await alice.post('/api/v1/lists', { 'ti\u0000tle': 'a' }),
    ];
    expect(cases.map((r) => r.statusCode)).toEqual([400, 400, 400, 400, 400]);
    expect(cases[0]!.json()).toEqual({ error: 'Parameters must not contain NUL characters' });
  });
});

describe('every route, given bad input', () => {
  it('covers the whole API', () => {
    expect(cases().length).toBeGreaterThan(200);
  });

  it('answers a signed-in client with JSON junk below 500', async () => {
    await expectNo5xx((method, url) => s.inject({ method: method as 'GET', url, headers: { authorization: `Bearer ${alice.token}` }, ...(method === 'GET' || method === 'DELETE' ? {} : { payload: JUNK }) }));
  });

  it('answers form-encoded and malformed bodies below 500', async () => {
    const form = 'status[]=x&poll[options]=a&poll[expires_in][]=1&fields_attributes[0]=x&media_ids[x]=1&%E0%A4%A=bad';
    await expectNo5xx((method, url) =>
      s.inject({ method: method as 'GET', url, headers: { authorization: `Bearer ${alice.token}`, 'content-type': 'application/x-www-form-urlencoded' }, ...(method === 'GET' ? {} : { payload: form }) }),
    );
    await expectNo5xx((method, url) =>
      s.inject({ method: method as 'GET', url, headers: { authorization: `Bearer ${alice.token}`, 'content-type': 'application/json' }, ...(method === 'GET' ? {} : { payload: '{"status": "unterminated' }) }),
    );
  });

  it('answers anonymous clients and bad tokens below 500', async () => {
    await expectNo5xx((method, url) => s.inject({ method: method as 'GET', url, ...(method === 'GET' ? {} : { payload: JUNK }) }));
    await expectNo5xx((method, url) => s.inject({ method: method as 'GET', url, headers: { authorization: 'Bearer \u0000nope' } }));
  });
});
