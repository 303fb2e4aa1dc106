// npm run screenshots: refreshes docs/screenshots/ with the web app's main screens at a phone
// width (360 px) and a desktop width, from a throwaway server with a little demo data.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createListeningServer } from '../test/helpers/listening-server.ts';
import { signIn } from '../test/e2e/app-flows.ts';
import { launchBrowser } from '../test/e2e/browser.ts';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });

const { s, base } = await createListeningServer({ context: { webDistDir: path.join(root, 'web/dist') } });
const alice = await s.createUser('alice');
const bob = await s.createUser('bob');
await alice.patch('/api/v1/accounts/update_credentials', { display_name: 'Alice', note: 'Writes about tea, trains and #typescript.' });
await bob.patch('/api/v1/accounts/update_credentials', { display_name: 'Bob' });
await alice.post(`/api/v1/accounts/${bob.id}/follow`);
await bob.post(`/api/v1/accounts/${alice.id}/follow`);
const first = (await bob.post('/api/v1/statuses', { status: 'Good morning! Who else is up early? #coffee' })).json() as { id: string };
await bob.post('/api/v1/statuses', { status: 'Which train is best?', poll: { options: ['The sleeper', 'The express'], expires_in: 86400 } });
await alice.post('/api/v1/statuses', { status: '@bob Me, with a pot of tea.', in_reply_to_id: first.id });
await bob.post(`/api/v1/statuses/${first.id}/favourite`);
await bob.post('/api/v1/statuses', { status: 'Spoilers for the finale', spoiler_text: 'TV spoilers' });
await s.drainJobs();

const browser = await launchBrowser();
const sizes = { phone: { width: 360, height: 780 }, desktop: { width: 1280, height: 800 } };
for (const [name, viewport] of Object.entries(sizes)) {
  const context = await browser.newContext({ viewport, colorScheme: 'light' });
  const page = await context.newPage();
  await signIn(page, base, 'alice', alice.password);
  const shots: [string, string][] = [['home', '/'], ['notifications', '/notifications'], ['profile', `/accounts/${alice.id}`], ['thread', `/statuses/${first.id}`]];
  for (const [screen, url] of shots) {
    await page.goto(base + url);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(out, `${screen}-${name}.png`) });
    console.log(`docs/screenshots/${screen}-${name}.png`);
  }
  await context.close();
}
await browser.close();
await s.close();
