// The public profile and post pages: what an anonymous visitor (or a link-preview bot) gets at the
// URLs the API hands out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

let s: TestServer;
let alice: TestUser;
let bob: TestUser;
beforeAll(async () => {
  s = await createTestServer();
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
  await alice.patch('/api/v1/accounts/update_credentials', { display_name: 'Alice <Wonder>', note: 'I like tea & cake' });
});
afterAll(() => s.close());

const page = (url: string) => s.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
const meta = (html: string, property: string) => new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(html)?.[1];

describe('GET /@username', () => {
  it('shows the profile and its public posts, with link-preview tags', async () => {
    const pub = (await alice.post('/api/v1/statuses', { status: 'public <b>hello</b>' })).json();
    await alice.post('/api/v1/statuses', { status: 'only followers', visibility: 'private' });
    const res = await page('/@alice');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('Alice &lt;Wonder&gt;');
    expect(res.body).toContain('public &lt;b&gt;hello&lt;/b&gt;');
    expect(res.body).not.toContain('only followers');
    expect(res.body).toContain(`href="https://parley.test/@alice/${pub.id}"`);
    expect(meta(res.body, 'og:title')).toBe('Alice &lt;Wonder&gt; (@alice@parley.test)');
    expect(meta(res.body, 'og:description')).toBe('I like tea &amp; cake');
    expect(meta(res.body, 'og:url')).toBe('https://parley.test/@alice');
    expect(meta(res.body, 'og:type')).toBe('profile');
    expect(meta(res.body, 'twitter:card')).toBe('summary');
    expect(meta(res.body, 'robots')).toBeUndefined();
  });

  it('asks search engines to stay away when the person is not indexable', async () => {
    await bob.patch('/api/v1/accounts/update_credentials', { indexable: false });
    expect(meta((await page('/@bob')).body, 'robots')).toBe('noindex, noarchive');
  });

  it('answers 404 for unknown and suspended accounts', async () => {
    expect((await page('/@nobody')).statusCode).toBe(404);
    const carol = await s.createUser('carol');
    await s.ctx.db.updateTable('accounts').set({ suspended_at: new Date().toISOString() }).where('id', '=', carol.id).execute();
    expect((await page('/@carol')).statusCode).toBe(404);
  });
});

describe('GET /@username/:id', () => {
  it('shows a public post with its thread and a description for previews', async () => {
    const root = (await alice.post('/api/v1/statuses', { status: 'the question' })).json();
    const reply = (await bob.post('/api/v1/statuses', { status: 'the answer', in_reply_to_id: root.id })).json();
    const res = await page(`/@alice/${root.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('the question');
    expect(res.body).toContain('the answer');
    expect(meta(res.body, 'og:type')).toBe('article');
    expect(meta(res.body, 'og:description')).toBe('the question');
    expect(res.body).toContain(`<link rel="canonical" href="https://parley.test/@alice/${root.id}">`);
    // The reply lives under its own author's URL, not alice's.
    expect((await page(`/@alice/${reply.id}`)).statusCode).toBe(404);
    expect((await page(`/@bob/${reply.id}`)).statusCode).toBe(200);
  });

  it('uses the content warning, not the text, as the description', async () => {
    const cw = (await alice.post('/api/v1/statuses', { status: 'spoilers here', spoiler_text: 'film ending' })).json();
    expect(meta((await page(`/@alice/${cw.id}`)).body, 'og:description')).toBe('Content warning: film ending');
  });

  it('answers 404 for private, direct, deleted and malformed posts', async () => {
    const priv = (await alice.post('/api/v1/statuses', { status: 'secret', visibility: 'private' })).json();
    const gone = (await alice.post('/api/v1/statuses', { status: 'regret' })).json();
    await alice.delete(`/api/v1/statuses/${gone.id}`);
    for (const url of [`/@alice/${priv.id}`, `/@alice/${gone.id}`, '/@alice/123', '/@alice/01ARZ3NDEKTSV4RRFFQ69G5FAV']) {
      const res = await page(url);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('secret');
    }
  });
});
