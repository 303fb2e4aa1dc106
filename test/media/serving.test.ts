// GET /media/<key>: the bytes Parley stored, with the right type and headers, byte ranges for
// players, nothing outside the media folder, plain URLs only for public posts and signed,
// expiring URLs for everything else, and nothing left once the post is deleted.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaAttachmentJson, StatusJson } from '../../api/entities.ts';
import type { Clock } from '../../src/infra/clock.ts';
import type { TestUser } from '../helpers/server.ts';
import { createCorpus, type Corpus, type CorpusName } from './corpus.ts';
import { plainJpeg } from './hostile-files.ts';
import { createMediaServer, fetchMediaUrl, storedFileOf, uploadOf, uploadProcessed, type MediaTestServer } from './media-server.ts';
import { exiftool, walkFiles, runMediaTests } from './tools.ts';

let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
let s: MediaTestServer;
let alice: TestUser;
let corpus: Corpus;
let jpeg: Buffer;
beforeAll(async () => {
  if (!runMediaTests) return;
  corpus = await createCorpus(['mp4', 'mp3']);
  jpeg = await plainJpeg();
  s = await createMediaServer({ clock });
  alice = await s.createUser('alice');
});
afterAll(async () => {
  await s?.close();
  await corpus?.remove();
});

const picture = () => uploadProcessed(s, alice, { bytes: jpeg, filename: 'p.jpg', mime: 'image/jpeg' });
const corpusMedia = async (name: CorpusName) => uploadProcessed(s, alice, await uploadOf(corpus.get(name)));

async function post(visibility: string, media: MediaAttachmentJson[]): Promise<StatusJson> {
  const res = await alice.post('/api/v1/statuses', { status: `${visibility} media`, visibility, media_ids: media.map((m) => m.id) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as StatusJson;
}

const withoutQuery = (url: string) => url.split('?')[0]!;
const maxAge = (header: unknown) => Number(/max-age=(\d+)/.exec(String(header))?.[1] ?? 0);

describe.runIf(runMediaTests)('public media', () => {
  let status: StatusJson;
  beforeAll(async () => {
    status = await post('public', [await picture()]);
  });

  it('is served at a plain URL with its type (as exiftool reads the file), nosniff and a long public cache life', async () => {
    const media = status.media_attachments[0]!;
    for (const url of [media.url!, media.preview_url!]) {
      expect(url).not.toContain('?');
      const res = await fetchMediaUrl(s, url);
      expect(res.statusCode, url).toBe(200);
      const stored = (await storedFileOf(s, url))!;
      expect(res.rawPayload.equals(await readFile(stored))).toBe(true);
      const record = (await exiftool([stored])).get(stored)!;
      expect(res.headers['content-type']).toBe(record['File:MIMEType']);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toMatch(/public/);
      expect(maxAge(res.headers['cache-control'])).toBeGreaterThanOrEqual(7 * 24 * 3600);
    }
  });

  it('answers 404 for a key that does not exist and for paths that climb out of the media folder', async () => {
    const probes = [
      '/media/0123456789abcdef0123456789abcdef.jpg',
      '/media/nothing-here.jpg',
      '/media/../package.json',
      '/media/..%2F..%2Fpackage.json',
      '/media/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
      '/media/%2e%2e/%2e%2e/etc/passwd',
      '/media/..\\..\\package.json',
    ];
    for (const url of probes) {
      const res = await s.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toMatch(/root:x:0|"name": "parley"/);
    }
  });
});

describe.runIf(runMediaTests)('video', () => {
  it('is served in byte ranges: Range bytes=0-99 gives 206 with Content-Range and those 100 bytes', async () => {
    const status = await post('public', [await corpusMedia('mp4')]);
    const url = status.media_attachments[0]!.url!;
    const stored = await readFile((await storedFileOf(s, url))!);
    const res = await fetchMediaUrl(s, url, { range: 'bytes=0-99' });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 0-99/${stored.length}`);
    expect(res.rawPayload.equals(stored.subarray(0, 100))).toBe(true);
    expect(res.headers['content-type']).toBe('video/mp4');
    const whole = await fetchMediaUrl(s, url);
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.equals(stored)).toBe(true);
  });

  it('serves audio with its type', async () => {
    const status = await post('public', [await corpusMedia('mp3')]);
    const url = status.media_attachments[0]!.url!;
    const stored = (await storedFileOf(s, url))!;
    const res = await fetchMediaUrl(s, url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe((await exiftool([stored])).get(stored)!['File:MIMEType']);
  });
});

describe.runIf(runMediaTests)('media that is not public', () => {
  /** The ways a signed URL can be got wrong: none of them may be served. */
  function forgeries(url: string): string[] {
    const u = new URL(url);
    const exp = u.searchParams.get('exp')!;
    const sig = u.searchParams.get('sig')!;
    const flipped = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
    const base = withoutQuery(url);
    return [
      base,
      `${base}?exp=${exp}`,
      `${base}?sig=${sig}`,
      `${base}?exp=${exp}&sig=${flipped}`,
      `${base}?exp=${Number(exp) + 3600}&sig=${sig}`,
      `${base}?exp=99999999999&sig=${sig}`,
    ];
  }

  it('of a followers-only post is served only at its signed URL', async () => {
    const status = await post('private', [await picture()]);
    const media = status.media_attachments[0]!;
    for (const url of [media.url!, media.preview_url!]) {
      expect(url).toMatch(/\?exp=\d+&sig=[\w-]+$/);
      expect((await fetchMediaUrl(s, url)).statusCode).toBe(200);
      for (const forged of forgeries(url)) expect([403, 404], forged).toContain((await fetchMediaUrl(s, forged)).statusCode);
    }
  });

  it('of an upload not yet posted is served only with its signature', async () => {
    const media = await picture();
    expect(media.url).toMatch(/\?exp=\d+&sig=/);
    expect((await fetchMediaUrl(s, media.url!)).statusCode).toBe(200);
    for (const forged of forgeries(media.url!)) expect([403, 404], forged).toContain((await fetchMediaUrl(s, forged)).statusCode);
  });

  it('is refused once its signature has expired', async () => {
    const status = await post('private', [await picture()]);
    const url = status.media_attachments[0]!.url!;
    expect((await fetchMediaUrl(s, url)).statusCode).toBe(200);
    offsetMs = 31 * 3600 * 1000;
    try {
      expect([403, 404, 410]).toContain((await fetchMediaUrl(s, url)).statusCode);
    } finally {
      offsetMs = 0;
    }
    expect((await fetchMediaUrl(s, url)).statusCode).toBe(200);
  });
});

describe.runIf(runMediaTests)('deleting a post with delete_media=true', () => {
  it('removes its files from disk and their URLs answer 404', async () => {
    const status = await post('public', [await picture(), await picture()]);
    const urls = status.media_attachments.flatMap((m) => [m.url!, m.preview_url!]);
    const files = await Promise.all(urls.map((u) => storedFileOf(s, u)));
    expect(files.every((f) => f !== undefined && existsSync(f))).toBe(true);
    const res = await alice.delete(`/api/v1/statuses/${status.id}?delete_media=true`);
    expect(res.statusCode, res.body).toBe(200);
    await s.drainJobs();
    for (const file of files) expect(existsSync(file!), file).toBe(false);
    const left = await walkFiles(s.config.media.dir);
    for (const file of files) expect(left).not.toContain(file);
    for (const url of urls) expect((await fetchMediaUrl(s, url)).statusCode, url).toBe(404);
    for (const m of status.media_attachments) expect((await alice.get(`/api/v1/media/${m.id}`)).statusCode).toBe(404);
  });
});
