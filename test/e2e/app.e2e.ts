// The web app in Chromium against a real server: signing in through OAuth with PKCE like any
// third-party app, posting, replying, following and seeing the other person's post at home,
// liking, a notification, search, report, block, and the offline shell. Needs the built app
// (`npm install` builds it; `npm run build:web` rebuilds it).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createListeningServer } from '../helpers/listening-server.ts';
import type { TestServer, TestUser } from '../helpers/server.ts';
import { post, signIn } from './app-flows.ts';
import { browserAvailable, browserRequired, launchBrowser, seriousA11yViolations } from './browser.ts';

const webDist = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

let s: TestServer;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let alice: TestUser;
let bob: TestUser;

describe.runIf((browserAvailable && existsSync(path.join(webDist, 'index.html'))) || browserRequired)('the web app in Chromium', () => {
  beforeAll(async () => {
    // Proof of work on, at a difficulty quick to solve: the sign-in page and the sign-up screen
    // solve their challenges in a real browser's Web Worker.
    ({ s, base } = await createListeningServer({ context: { webDistDir: webDist }, env: { PARLEY_POW_DIFFICULTY: '12' } }));
    alice = await s.createUser('alice');
    bob = await s.createUser('bob');
    browser = await launchBrowser();
    context = await browser.newContext({ bypassCSP: true });
    page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('signs in through OAuth with PKCE and posts', async () => {
    await signIn(page, base, 'alice', alice.password);
    await post(page, 'My first post from the web app');
    const stored = await s.ctx.db.selectFrom('statuses').select(['text', 'application_id']).where('account_id', '=', alice.id).execute();
    expect(stored.map((r) => r.text)).toContain('My first post from the web app');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it("follows bob and sees bob's post at home, likes it, and bob is notified", async () => {
    await page.goto(`${base}/accounts/${bob.id}`);
    await page.getByRole('button', { name: 'Follow' }).click();
    await page.getByRole('button', { name: 'Unfollow' }).waitFor();
    const posted = (await bob.post('/api/v1/statuses', { status: 'Bob says hello' })).json() as { id: string };
    await s.drainJobs();
    await page.goto(base + '/');
    const article = page.getByRole('article').filter({ hasText: 'Bob says hello' }).first();
    await article.waitFor();
    await article.getByRole('button', { name: /^Like/ }).click();
    await expect.poll(async () => (await bob.get(`/api/v1/statuses/${posted.id}`)).json().favourites_count).toBe(1);
    await s.drainJobs();
    const notes = (await bob.get('/api/v1/notifications')).json() as { type: string; account: { id: string } }[];
    expect(notes.map((n) => [n.type, n.account.id])).toEqual(expect.arrayContaining([['follow', alice.id], ['favourite', alice.id]]));
  });

  it('replies in the thread view', async () => {
    const bobs = (await bob.get(`/api/v1/accounts/${bob.id}/statuses`)).json() as { id: string }[];
    await page.goto(`${base}/statuses/${bobs[0]!.id}`);
    const article = page.getByRole('article').filter({ hasText: 'Bob says hello' }).first();
    await article.getByRole('button', { name: /^Reply/ }).click();
    await post(page, 'Hello back, Bob');
    await expect.poll(async () => (await bob.get(`/api/v1/statuses/${bobs[0]!.id}/context`)).json().descendants.length).toBe(1);
  });

  it('lists the notification of a new follower', async () => {
    await bob.post(`/api/v1/accounts/${alice.id}/follow`);
    await s.drainJobs();
    await page.goto(`${base}/notifications`);
    await page.getByText(/bob/).first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('searches for an account', async () => {
    await page.getByRole('searchbox', { name: 'Search' }).fill('bob');
    await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
    await page.waitForURL(/\/search/);
    await page.getByText('@bob').first().waitFor();
  });

  it('reports and blocks from the menu of a post', async () => {
    await page.goto(base + '/');
    const article = page.getByRole('article').filter({ hasText: 'Bob says hello' }).first();
    await article.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Report post' }).click();
    await page.getByLabel('Additional comments').fill('testing reports');
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(async () => Number((await s.ctx.db.selectFrom('reports' as never).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst() as { n: number } | undefined)?.n ?? 0)).toBe(1);
    await page.goto(base + '/');
    await page.getByRole('article').filter({ hasText: 'Bob says hello' }).first().getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Block @bob' }).click();
    await expect.poll(async () => (await alice.get(`/api/v1/accounts/relationships?id[]=${bob.id}`)).json()[0].blocking).toBe(true);
  });

  it('quotes a post from its menu ("echo with comment")', async () => {
    await bob.post(`/api/v1/accounts/${alice.id}/unblock`);
    await alice.post(`/api/v1/accounts/${bob.id}/unblock`);
    const quoted = (await bob.post('/api/v1/statuses', { status: 'Quote me on this' })).json() as { id: string };
    await page.goto(`${base}/statuses/${quoted.id}`);
    await page.getByRole('article').filter({ hasText: 'Quote me on this' }).first().getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Quote' }).click();
    await page.getByRole('textbox', { name: "What's on your mind?" }).fill('Wise words');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect.poll(async () => {
      const mine = (await alice.get(`/api/v1/accounts/${alice.id}/statuses`)).json() as { content: string; quote: { state: string; quoted_status: { id: string } | null } | null }[];
      const q = mine.find((x) => x.content.includes('Wise words'));
      return q?.quote ? [q.quote.state, q.quote.quoted_status?.id] : null;
    }).toEqual(['accepted', quoted.id]);
  });

  it('signs up a new person who accepts the rules, and they can post', async () => {
    const other = await browser.newContext({ bypassCSP: true });
    const p = await other.newPage();
    await p.goto(base + '/');
    await p.getByRole('link', { name: 'Create account' }).first().click();
    await p.getByLabel('Username').fill('dora');
    await p.getByLabel('E-mail address').fill('dora@example.com');
    await p.getByLabel('Password', { exact: true }).fill('dora-password-1');
    await p.getByLabel('Confirm password').fill('dora-password-1');
    // The rules must be accepted first.
    expect(await p.getByRole('button', { name: 'Sign up' }).isDisabled()).toBe(true);
    await p.getByRole('checkbox').check();
    await p.getByRole('button', { name: 'Sign up' }).click();
    await p.getByRole('button', { name: 'Compose' }).first().waitFor();
    await p.goto(base + '/');
    await post(p, 'Hello, I am new here');
    const dora = await s.ctx.db.selectFrom('accounts').select('id').where('username_lower', '=', 'dora').executeTakeFirstOrThrow();
    expect((await s.ctx.db.selectFrom('statuses').select('text').where('account_id', '=', dora.id).execute()).map((r) => r.text)).toEqual(['Hello, I am new here']);
    await other.close();
  });

  it('is installable as a PWA (Chromium finds no installability errors)', async () => {
    await page.goto(base + '/');
    await page.waitForFunction(() => (globalThis as unknown as { navigator: { serviceWorker: { controller: unknown } } }).navigator.serviceWorker.controller !== null, null, { timeout: 20_000 }).catch(() => page.reload());
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    // Playwright's browser contexts are incognito windows, where Chrome never offers installs; every
    // other criterion (manifest, icons, service worker, secure origin) must be met.
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    const manifest = (await (await fetch(`${base}/manifest.webmanifest`)).json()) as { display: string; icons: { sizes: string }[] };
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });

  it('keeps working as an app shell when offline', async () => {
    await page.goto(base + '/');
    // The service worker caches the shell on install; once it controls the page, go offline.
    await page.waitForFunction(() => (globalThis as unknown as { navigator: { serviceWorker: { controller: unknown } } }).navigator.serviceWorker.controller !== null, null, { timeout: 20_000 }).catch(() => page.reload());
    await page.waitForFunction(() => (globalThis as unknown as { navigator: { serviceWorker: { controller: unknown } } }).navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    await context.setOffline(true);
    await page.reload();
    // The app shell still starts, and says clearly that there is no connection.
    await page.getByRole('status').filter({ hasText: /offline/i }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Skip to content' }).count()).toBe(1);
    await context.setOffline(false);
  });
});
