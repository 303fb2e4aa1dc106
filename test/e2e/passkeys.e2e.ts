// Passkeys in Chromium with a CDP virtual authenticator (CTAP2, resident keys, user verification):
// registered in the Security screen of the web app, then used to sign in without a password and
// as the second step after the password. WebAuthn refuses IP addresses as relying party ids, so
// this server's domain is localhost:<port> (a secure context over http, like 127.0.0.1).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { signIn } from './app-flows.ts';
import { browserAvailable, browserRequired, launchBrowser, seriousA11yViolations } from './browser.ts';
import { freePort } from '../helpers/net.ts';

const webDist = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

let s: TestServer;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let cdp: CDPSession;
let authenticatorId: string;
/** Without bypassCSP, unlike the app's context (axe needs it): the sign-in pages' policy must let the passkey script run. */
let strict: BrowserContext;
let strictPage: Page;
let alice: TestUser;

/** A CTAP2 platform authenticator with resident keys and user verification, touched automatically. */
async function virtualAuthenticator(session: CDPSession): Promise<string> {
  await session.send('WebAuthn.enable');
  const added = await session.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return added.authenticatorId;
}

const webSessions = async () => (await s.ctx.db.selectFrom('web_sessions').select('id').where('account_id', '=', alice.id).execute()).length;

describe.runIf((browserAvailable && existsSync(path.join(webDist, 'index.html'))) || browserRequired)('passkeys in Chromium', () => {
  beforeAll(async () => {
    const port = await freePort();
    s = await createTestServer({ context: { webDistDir: webDist }, env: { PARLEY_DOMAIN: `localhost:${port}`, PARLEY_HTTPS: 'false', PARLEY_POW_DIFFICULTY: '8' } });
    await s.app.listen({ port, host: '127.0.0.1' });
    base = `http://localhost:${port}`;
    alice = await s.createUser('alice');
    browser = await launchBrowser();
    context = await browser.newContext({ bypassCSP: true });
    page = await context.newPage();
    cdp = await context.newCDPSession(page);
    authenticatorId = await virtualAuthenticator(cdp);
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('registers a passkey in the Security screen', async () => {
    await signIn(page, base, 'alice', alice.password);
    await page.goto(`${base}/preferences/security`);
    // The list loads after the heading shows: wait for its answer, not just the heading.
    await page.getByText('No passkeys yet.').waitFor();
    await page.getByLabel('Name of the new passkey').fill('Chromium key');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByRole('article', { name: 'Chromium key' }).waitFor();
    const stored = await s.ctx.db.selectFrom('passkeys').selectAll().where('account_id', '=', alice.id).execute();
    expect(stored.map((p) => p.name)).toEqual(['Chromium key']);
    expect(JSON.parse(stored[0]!.transports)).toContain('internal');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The same passkey, synced to a second browser profile that enforces the pages' CSP.
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]!.isResidentCredential).toBe(true);
    strict = await browser.newContext();
    strictPage = await strict.newPage();
    const strictCdp = await strict.newCDPSession(strictPage);
    const strictId = await virtualAuthenticator(strictCdp);
    await strictCdp.send('WebAuthn.addCredential', { authenticatorId: strictId, credential: credentials[0]! });
  });

  it('signs in with the passkey alone, without the password', async () => {
    const page = strictPage;
    const before = await webSessions();
    await page.goto(`${base}/auth/sign_in?return_to=%2Fsettings%2Fapplications`);
    await Promise.all([page.waitForURL(`${base}/settings/applications`), page.getByRole('button', { name: 'Use a passkey' }).click()]);
    expect(await webSessions()).toBe(before + 1);
    const [row] = await s.ctx.db.selectFrom('passkeys').selectAll().where('account_id', '=', alice.id).execute();
    expect(row!.last_used_at).not.toBeNull();
  });

  it('after the password, asks for the passkey and signs in with it', async () => {
    const page = strictPage;
    await strict.clearCookies();
    const before = await webSessions();
    await page.goto(`${base}/auth/sign_in?return_to=%2Fsettings%2Fapplications`);
    await page.getByLabel('Username or e-mail address').fill('alice');
    await page.getByLabel('Password').fill(alice.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
    expect(await webSessions()).toBe(before);
    await Promise.all([page.waitForURL(`${base}/settings/applications`), page.getByRole('button', { name: 'Use your passkey' }).click()]);
    expect(await webSessions()).toBe(before + 1);
  });
});
