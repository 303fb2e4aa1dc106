// npm run screenshots: refreshes docs/screenshots/ with the web app's main screens at a phone
// width (360 px) and a desktop width, from a throwaway server with a little demo data.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createListeningServer } from '../test/helpers/listening-server.ts';
import { signIn } from '../test/e2e/app-flows.ts';
import { launchBrowser } from '../test/e2e/browser.ts';
import { multipart } from '../test/media/multipart.ts';
import sharp from 'sharp';

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

// Pictures drawn here (a sky with a sun, a striped field), uploaded like any photo.
const svg = (body: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">${body}</svg>`);
const pictures = await Promise.all([
  sharp(svg('<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#2b4c8c"/><stop offset="1" stop-color="#f4a261"/></linearGradient></defs><rect width="1200" height="800" fill="url(#g)"/><circle cx="800" cy="520" r="110" fill="#ffd166"/><rect y="620" width="1200" height="180" fill="#264653"/>')).jpeg().toBuffer(),
  sharp(svg('<rect width="1200" height="800" fill="#8ab17d"/>' + Array.from({ length: 10 }, (_, i) => `<rect y="${i * 80}" width="1200" height="40" fill="#2a9d8f" opacity="0.5"/>`).join(''))).jpeg().toBuffer(),
]);
const mediaIds: string[] = [];
for (const [i, picture] of pictures.entries()) {
  const { payload, headers } = multipart([
    { name: 'file', value: picture, filename: `photo-${i}.jpg`, contentType: 'image/jpeg' },
    { name: 'description', value: i === 0 ? 'The sun rising over the station roof' : 'Green fields in stripes' },
  ]);
  mediaIds.push(((await bob.post('/api/v2/media', payload, { headers })).json() as { id: string }).id);
}
await bob.post('/api/v1/statuses', { status: 'Sunrise from platform 2, and the fields on the way in.', media_ids: mediaIds });
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
