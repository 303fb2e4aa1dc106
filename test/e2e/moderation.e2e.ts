// The report-to-appeal flow in Chromium against a real server: a person reports a post as a rule
// violation; a moderator grants the web app the admin scopes, sees the report in the queue with
// its deadline, adds a note and limits the author citing the rule; the author reads the strike in
// settings and appeals; a second moderator approves the appeal and the strike shows as overruled.
// Needs the built app (`npm run build:web`).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createListeningServer } from '../helpers/listening-server.ts';
import type { TestServer, TestUser } from '../helpers/server.ts';
import { newId } from '../../src/domain/ids.ts';
import { signIn } from './app-flows.ts';
import { browserAvailable, browserRequired, launchBrowser, seriousA11yViolations } from './browser.ts';

const webDist = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

let s: TestServer;
let base: string;
let browser: Browser;
let author: TestUser;
let reporter: TestUser;
let mod: TestUser;
let mod2: TestUser;
let postId: string;
const ruleId = newId();

async function pageFor(user: TestUser): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true });
  const p = await context.newPage();
  await signIn(p, base, user.username, user.password);
  return p;
}

/** Staff sign in with the ordinary scopes; the moderation screens ask for the admin ones once. */
async function openModeration(p: Page): Promise<void> {
  await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Moderation' }).click();
  await p.getByRole('button', { name: 'Allow moderation access' }).click();
  await p.getByRole('button', { name: 'Authorize' }).click();
  await p.waitForURL((url) => url.pathname === '/moderation');
  await p.getByRole('navigation', { name: 'Moderation sections' }).waitFor();
}

describe.runIf((browserAvailable && existsSync(path.join(webDist, 'index.html'))) || browserRequired)('moderation in the web app', () => {
  let modPage: Page;
  let authorPage: Page;

  beforeAll(async () => {
    ({ s, base } = await createListeningServer({ context: { webDistDir: webDist } }));
    await s.ctx.db.insertInto('instance_rules').values({ id: ruleId, text: 'No spam or advertising', hint: '', position: 0, created_at: new Date().toISOString() }).execute();
    author = await s.createUser('seller');
    reporter = await s.createUser('carol');
    mod = await s.createUser('mod', { role: 'moderator' });
    mod2 = await s.createUser('mod2', { role: 'moderator' });
    postId = ((await author.post('/api/v1/statuses', { status: 'Buy cheap watches at my shop!' })).json() as { id: string }).id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('lets a person report a post as a violation of a rule they tick', async () => {
    const p = await pageFor(reporter);
    await p.goto(`${base}/statuses/${postId}`);
    await p.getByRole('article').filter({ hasText: 'Buy cheap watches' }).first().getByRole('button', { name: 'More actions' }).click();
    await p.getByRole('menuitem', { name: 'Report post' }).click();
    await p.getByLabel('Reason').selectOption('violation');
    // A violation report needs at least one rule.
    expect(await p.getByRole('button', { name: 'Send report' }).isDisabled()).toBe(true);
    await p.getByRole('checkbox', { name: 'No spam or advertising' }).check();
    await p.getByLabel('Additional comments').fill('Advertising in every post');
    expect(await seriousA11yViolations(p)).toEqual([]);
    await p.getByRole('button', { name: 'Send report' }).click();
    await p.getByText('Thank you. The moderators will look at your report.').waitFor();
    const report = await s.ctx.db.selectFrom('reports').select(['category', 'rule_ids', 'target_account_id']).executeTakeFirstOrThrow();
    expect(report).toEqual({ category: 'violation', rule_ids: JSON.stringify([ruleId]), target_account_id: author.id });
    await p.context().close();
  });

  it('shows the report in the moderator queue with its deadline; the moderator notes and limits the author', async () => {
    modPage = await pageFor(mod);
    await openModeration(modPage);
    const item = modPage.getByRole('listitem').filter({ hasText: 'Report on @seller' });
    await item.waitFor();
    await item.getByText(/^Due in \d+ hours?$/).waitFor();
    expect(await seriousA11yViolations(modPage)).toEqual([]);

    await item.getByRole('link', { name: 'Report on @seller' }).click();
    await modPage.getByRole('heading', { name: 'Report on @seller', level: 1 }).waitFor();
    await modPage.getByText('Buy cheap watches at my shop!').waitFor();
    await modPage.getByRole('button', { name: 'Assign to me' }).click();
    await modPage.getByRole('button', { name: 'Release' }).waitFor();

    await modPage.getByLabel('Note for the other moderators').fill('Second report about this shop this week');
    await modPage.getByRole('button', { name: 'Add note' }).click();
    await modPage.getByText('Second report about this shop this week').waitFor();
    expect(await seriousA11yViolations(modPage)).toEqual([]);

    await modPage.getByRole('radio', { name: /^Limit/ }).check();
    await modPage.getByLabel('Reason (the person will read it)').fill('Advertising is not allowed here.');
    // The rule the reporter cited is already ticked.
    const rule = modPage.getByRole('group', { name: 'Rules broken' }).getByRole('checkbox', { name: 'No spam or advertising' });
    expect(await rule.isChecked()).toBe(true);
    await modPage.getByRole('button', { name: 'Apply: Limit' }).click();
    await modPage.getByText('This report is resolved.').waitFor();

    const limited = await s.ctx.db.selectFrom('accounts').select('silenced_at').where('id', '=', author.id).executeTakeFirstOrThrow();
    expect(limited.silenced_at).not.toBeNull();
    const strike = await s.ctx.db.selectFrom('account_warnings').select(['action', 'text', 'rule_ids']).where('target_account_id', '=', author.id).executeTakeFirstOrThrow();
    expect(strike).toMatchObject({ action: 'silence', text: 'Advertising is not allowed here.' });
    expect(JSON.parse(String(strike.rule_ids))).toEqual([ruleId]);
  });

  it('shows the author the strike in settings, and takes their appeal once', async () => {
    authorPage = await pageFor(author);
    await authorPage.goto(`${base}/preferences`);
    await authorPage.getByRole('link', { name: 'Strikes' }).click();
    const strike = authorPage.getByRole('article').filter({ hasText: 'Account limited' });
    await strike.waitFor();
    await strike.getByText('Advertising is not allowed here.').waitFor();
    await strike.getByText('No spam or advertising').waitFor();
    expect(await seriousA11yViolations(authorPage)).toEqual([]);
    await strike.getByLabel('Why should the moderators reconsider?').fill('Those were links to my own hand-made watches, once a month.');
    await strike.getByRole('button', { name: 'Appeal' }).click();
    await strike.getByText('Appeal sent: waiting for a decision').waitFor();
    expect(await strike.getByRole('button', { name: 'Appeal' }).count()).toBe(0);
  });

  it('lets a second moderator approve the appeal, and the strike shows as overruled', async () => {
    const p = await pageFor(mod2);
    await openModeration(p);
    await p.getByRole('navigation', { name: 'Moderation sections' }).getByRole('link', { name: 'Appeals' }).click();
    const appeal = p.getByRole('article').filter({ hasText: 'Appeal by @seller' });
    await appeal.getByText('Those were links to my own hand-made watches').waitFor();
    expect(await seriousA11yViolations(p)).toEqual([]);
    await appeal.getByRole('button', { name: 'Approve appeal' }).click();
    await appeal.getByText('Appeal approved: the strike is overruled').waitFor();

    await authorPage.reload();
    const strike = authorPage.getByRole('article').filter({ hasText: 'Account limited' });
    await strike.getByText('Overruled', { exact: true }).waitFor();
    await strike.getByText('Appeal approved: the strike is overruled').waitFor();
  });

  it('fits the moderation screens on a phone', async () => {
    const report = await s.ctx.db.selectFrom('reports').select('id').executeTakeFirstOrThrow();
    await modPage.setViewportSize({ width: 390, height: 844 });
    for (const screen of ['/moderation?resolved=1', `/moderation/reports/${report.id}`, `/moderation/accounts/${author.id}`]) {
      await modPage.goto(base + screen);
      await modPage.getByRole('navigation', { name: 'Moderation sections' }).waitFor();
      await modPage.getByRole('heading', { level: 1 }).waitFor();
      // A string, evaluated in the page: the test's own TypeScript has no DOM types.
      const overflow = (await modPage.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
      expect(overflow, screen).toBeLessThanOrEqual(0);
    }
    // The account page's audit history has loaded before the accessibility check.
    await modPage.getByRole('list', { name: 'History' }).getByText(/limited|silence/i).first().waitFor();
    expect(await seriousA11yViolations(modPage)).toEqual([]);
    await modPage.setViewportSize({ width: 1280, height: 800 });
  });

  it('keeps every step in the audit log', async () => {
    await modPage.goto(`${base}/moderation/log`);
    await modPage.getByLabel('Action').selectOption('appeal.approve');
    await modPage.getByRole('button', { name: 'Filter' }).click();
    await modPage.getByRole('list', { name: 'Audit log' }).getByText(/@mod2/).first().waitFor();
    expect(await seriousA11yViolations(modPage)).toEqual([]);
  });
});

