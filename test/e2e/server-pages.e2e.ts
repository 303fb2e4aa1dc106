// The server-rendered pages in a real browser: they work without JavaScript and have no serious
// accessibility problems.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createListeningServer } from '../helpers/listening-server.ts';
import type { TestServer } from '../helpers/server.ts';
import { browserAvailable, browserRequired, launchBrowser, seriousA11yViolations } from './browser.ts';

let s: TestServer;
let base: string;
let browser: Browser;
let noScript: BrowserContext;
/** For the accessibility checks: axe runs as an injected script, which the pages' CSP would refuse. */
let audit: BrowserContext;
let postPath: string;

describe.runIf(browserAvailable || browserRequired)('server-rendered pages in Chromium', () => {
  beforeAll(async () => {
    ({ s, base } = await createListeningServer());
    const alice = await s.createUser('alice');
    const root = (await alice.post('/api/v1/statuses', { status: 'Hello #world, see https://example.com/a/long/path/to/something', spoiler_text: '' })).json();
    await alice.post('/api/v1/statuses', { status: 'A reply', in_reply_to_id: root.id });
    postPath = `/@alice/${root.id}`;
    browser = await launchBrowser();
    noScript = await browser.newContext({ javaScriptEnabled: false });
    audit = await browser.newContext({ bypassCSP: true });
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('signs in with the form, without JavaScript', async () => {
    const page = await noScript.newPage();
    await page.goto(`${base}/auth/sign_in`);
    await page.getByLabel('Username or e-mail address').fill('alice');
    await page.getByLabel('Password').fill('alice-password-1');
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/auth/sign_in')), page.getByRole('button', { name: 'Sign in' }).click()]);
    const cookies = await noScript.cookies(base);
    expect(cookies.some((c) => c.httpOnly)).toBe(true);
  });

  it('shows a public post and its profile without JavaScript', async () => {
    const page = await noScript.newPage();
    await page.goto(`${base}${postPath}`);
    expect(await page.getByRole('article').first().textContent()).toContain('Hello #world');
    await page.getByRole('link', { name: /@alice/ }).first().click();
    await page.waitForURL(`${base}/@alice`);
    expect(await page.getByRole('article').count()).toBe(2);
  });

  it.each(['/', '/auth/sign_in', '/auth/sign_up', '/@alice', 'post'])('%s has no serious accessibility problems', async (which) => {
    const path = which === 'post' ? postPath : which;
    const page = await audit.newPage();
    const res = await page.goto(`${base}${path}`);
    expect(res?.status()).toBe(200);
    // Something to act on: the forms' buttons, the front page's links.
    expect(await page.getByRole(path.startsWith('/auth') ? 'button' : 'link').count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  describe('with proof of work on', () => {
    let pow: TestServer;
    let powBase: string;
    beforeAll(async () => {
      ({ s: pow, base: powBase } = await createListeningServer({ env: { PARLEY_POW_DIFFICULTY: '12' } }));
    });
    afterAll(() => pow?.close());

    const fillSignUp = async (page: import('playwright-core').Page, username: string) => {
      await page.goto(`${powBase}/auth/sign_up`);
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('E-mail address').fill(`${username}@example.com`);
      await page.getByLabel('Password (at least 8 characters)').fill('a long password 1');
      await page.getByRole('checkbox').check();
    };

    it('signs up: the page solves its challenge in a Web Worker under the page’s own CSP', async () => {
      const js = await browser.newContext();
      const page = await js.newPage();
      await fillSignUp(page, 'powered');
      await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/auth/sign_up')), page.getByRole('button', { name: 'Sign up' }).click()]);
      expect(await pow.ctx.db.selectFrom('accounts').select('username').where('username', '=', 'powered').executeTakeFirst()).toBeDefined();
      await js.close();
    });

    it('refuses the form without JavaScript, and says why', async () => {
      const page = await noScript.newPage();
      await fillSignUp(page, 'scriptless');
      await page.getByRole('button', { name: 'Sign up' }).click();
      expect(await page.getByRole('alert').first().textContent()).toMatch(/JavaScript/);
      expect(await pow.ctx.db.selectFrom('accounts').select('username').where('username', '=', 'scriptless').executeTakeFirst()).toBeUndefined();
    });
  });
});
