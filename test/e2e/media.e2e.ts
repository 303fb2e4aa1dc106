// Media in the web app, in Chromium against a real server: a person attaches a photo that
// carries camera data, is told before posting that hidden data is removed, describes it, posts
// it, sees it in the timeline with its description and opens it in the lightbox; the stored copy
// carries no EXIF. A video waits for its processing before it can be posted. Then a profile
// picture is uploaded from the settings. Needs the built app (and ffmpeg for the video).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createListeningServer } from '../helpers/listening-server.ts';
import type { TestServer, TestUser } from '../helpers/server.ts';
import { signIn } from './app-flows.ts';
import { browserAvailable, browserRequired, launchBrowser, seriousA11yViolations } from './browser.ts';

const webDist = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
const ffmpegAvailable = (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && existsSync(path.join(dir, 'ffmpeg')));

let s: TestServer;
let base: string;
let browser: Browser;
let page: Page;
let alice: TestUser;

/** A small photo with the kind of data a phone camera writes into it. */
function photoWithCameraData(): Promise<Buffer> {
  return sharp({ create: { width: 96, height: 64, channels: 3, background: '#c0392b' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'SpyCam', Model: 'Tracker 3000', Software: 'leaky-firmware 1.0' } })
    .toBuffer();
}

/** A one-second test-pattern video, made by ffmpeg. */
async function shortVideo(): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'parley-e2e-video-'));
  try {
    const file = path.join(dir, 'clip.mp4');
    await promisify(execFile)('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-t', '1', '-pix_fmt', 'yuv420p', file]);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function attach(p: Page, file: { name: string; mimeType: string; buffer: Buffer }, button: string): Promise<void> {
  const chooser = p.waitForEvent('filechooser');
  await p.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
}

describe.runIf((browserAvailable && existsSync(path.join(webDist, 'index.html'))) || browserRequired)('media in the web app', () => {
  beforeAll(async () => {
    ({ s, base } = await createListeningServer({ context: { webDistDir: webDist } }));
    alice = await s.createUser('alice');
    browser = await launchBrowser();
    const context = await browser.newContext({ bypassCSP: true });
    page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    await signIn(page, base, 'alice', alice.password);
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('attaches a photo, says hidden data is removed, posts it described, and shows it in the lightbox', async () => {
    const photo = await photoWithCameraData();
    expect((await sharp(photo).metadata()).exif).toBeDefined();

    await attach(page, { name: 'red.jpg', mimeType: 'image/jpeg', buffer: photo }, 'Attach media');
    await page.getByText('Location (GPS), camera details and other hidden data are removed from pictures and videos before they are stored.').waitFor();
    await page.getByRole('button', { name: 'Add description to red.jpg' }).click();
    await page.getByRole('textbox', { name: 'Description (alt text)' }).fill('A red rectangle');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Description added').waitFor();
    await page.getByRole('textbox', { name: "What's on your mind?" }).fill('A picture for you');
    const postButton = page.getByRole('button', { name: 'Post', exact: true });
    // Posting waits for the upload.
    await expect.poll(() => postButton.isEnabled()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await postButton.click();

    const article = page.getByRole('article').filter({ hasText: 'A picture for you' }).first();
    const img = article.locator('img[alt="A red rectangle"]');
    await img.waitFor();
    // The root project has no DOM types: describe the two properties read from the <img>.
    await expect.poll(() => img.evaluate((el) => (el as unknown as { complete: boolean; naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);

    const posted = ((await alice.get(`/api/v1/accounts/${alice.id}/statuses`)).json() as { content: string; media_attachments: { description: string; url: string; type: string }[] }[]).find((x) =>
      x.content.includes('A picture for you'),
    );
    expect(posted?.media_attachments.map((m) => [m.type, m.description])).toEqual([['image', 'A red rectangle']]);
    const stored = Buffer.from(await (await fetch(posted!.media_attachments[0]!.url)).arrayBuffer());
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.width).toBe(96);

    await article.getByRole('button', { name: 'Open picture: A red rectangle' }).click();
    const box = page.getByRole('dialog', { name: 'Picture' });
    await box.waitFor();
    await box.getByText('A red rectangle').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => box.count()).toBe(0);
  });

  it.runIf(ffmpegAvailable || process.env.CI === 'true')('holds a video back while it is processed, then posts it with controls and a poster', async () => {
    await page.goto(base + '/');
    await attach(page, { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await shortVideo() }, 'Attach media');
    await page.getByText('Processing…').waitFor();
    await page.getByRole('textbox', { name: "What's on your mind?" }).fill('A short film');
    const postButton = page.getByRole('button', { name: 'Post', exact: true });
    expect(await postButton.isDisabled()).toBe(true);
    // The server processes videos in a job; the app keeps asking until the job is done.
    await expect
      .poll(
        async () => {
          await s.drainJobs();
          return postButton.isEnabled();
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await postButton.click();
    const video = page.getByRole('article').filter({ hasText: 'A short film' }).first().locator('video');
    await video.waitFor();
    expect(await video.evaluate((el) => ['controls', 'playsinline', 'poster', 'src'].map((a) => (el as unknown as { hasAttribute(n: string): boolean }).hasAttribute(a)))).toEqual([true, true, true, true]);
  });

  it('uploads a profile picture from the profile settings', async () => {
    await page.goto(`${base}/preferences/profile`);
    const png = await sharp({ create: { width: 120, height: 120, channels: 3, background: '#2e86c1' } }).png().toBuffer();
    await attach(page, { name: 'me.png', mimeType: 'image/png', buffer: png }, 'Upload profile picture');
    await page.getByText('Profile picture saved.').waitFor();
    await page.getByRole('button', { name: 'Remove profile picture' }).waitFor();
    const me = (await alice.get('/api/v1/accounts/verify_credentials')).json() as { avatar: string };
    expect(me.avatar).not.toMatch(/missing\.png$/);
    expect(await page.getByRole('img', { name: 'Your current profile picture' }).getAttribute('src')).toBe(me.avatar);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
