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
});
