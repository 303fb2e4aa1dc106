// Uploads built to hurt: empty, broken, random, mislabelled, polyglot, explosive, oversized,
// playlists that make ffmpeg read local files, scripts, traversal file names, and attachments
// that are not the poster's. Every refusal must leave the disk (media and incoming folders, and
// the whole data folder) and the media tables exactly as they were.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../helpers/server.ts';
import { createCorpus, type Corpus, type CorpusName } from './corpus.ts';
import {
  decompressionBomb, FFCONCAT_SCRIPT, HLS_PLAYLIST, HTML_PAYLOAD, noise, paddedMp4, plainJpeg, plainPng, POLYGLOT_MARKER, SVG_WITH_SCRIPT, truncated, truncatedMp4, zipWith,
} from './hostile-files.ts';
import { createMediaServer, diskState, incomingSettled, mediaRowCounts, postMedia, storedFileOf, uploadOf, uploadProcessed, type MediaTestServer, type Upload } from './media-server.ts';
import { multipart } from './multipart.ts';
import { walkFiles, runMediaTests } from './tools.ts';

let s: MediaTestServer;
let alice: TestUser;
let bob: TestUser;
let corpus: Corpus;
let jpeg: Buffer;
let png: Buffer;
beforeAll(async () => {
  if (!runMediaTests) return;
  corpus = await createCorpus(['mp4', 'gif']);
  [jpeg, png] = await Promise.all([plainJpeg(), plainPng()]);
  s = await createMediaServer();
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
});
afterAll(async () => {
  await s?.close();
  await corpus?.remove();
});

const corpusUpload = (name: CorpusName) => uploadOf(corpus.get(name));
const countStatuses = async () => Number((await s.ctx.db.selectFrom('statuses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/** Sends something that must be refused, and checks that it changed nothing on disk or in the media tables. */
async function expectRefused(send: () => Promise<LightMyRequestResponse>, statuses: number[]): Promise<void> {
  const disk = await diskState(s);
  const rows = await mediaRowCounts(s);
  const res = await send();
  expect(statuses, res.body).toContain(res.statusCode);
  expect(res.json().error).toEqual(expect.any(String));
  await s.drainJobs();
  expect(await diskState(s)).toEqual(disk);
  expect(await mediaRowCounts(s)).toEqual(rows);
}

const refuseUpload = (upload: Upload) => expectRefused(() => postMedia(alice, upload), [422]);

describe.runIf(runMediaTests)('broken and unknown files', () => {
  it('refuses a zero-byte file', async () => {
    await refuseUpload({ bytes: Buffer.alloc(0), filename: 'empty.jpg', mime: 'image/jpeg' });
  });

  it('refuses truncated JPEG and PNG files', async () => {
    await refuseUpload({ bytes: truncated(jpeg), filename: 'cut.jpg', mime: 'image/jpeg' });
    await refuseUpload({ bytes: truncated(png), filename: 'cut.png', mime: 'image/png' });
  });

  it('refuses a truncated MP4, at upload or when processing it, storing nothing', async () => {
    const mp4 = await corpusUpload('mp4');
    const disk = await diskState(s);
    const res = await postMedia(alice, { ...mp4, bytes: truncatedMp4(mp4.bytes) });
    await s.drainJobs();
    if (res.statusCode === 202) {
      // Accepted on its signature, then found broken by processing: Mastodon's 422 with the reason.
      const after = await alice.get(`/api/v1/media/${res.json().id}`);
      expect(after.statusCode, after.body).toBe(422);
      expect(after.json().error).toEqual(expect.any(String));
    } else {
      expect(res.statusCode, res.body).toBe(422);
    }
    expect(await diskState(s)).toEqual(disk);
  });

  it('refuses random bytes, whatever they claim to be', async () => {
    for (const [filename, mime] of [['noise.jpg', 'image/jpeg'], ['noise.mp4', 'video/mp4'], ['noise.bin', 'application/octet-stream']] as const) {
      await refuseUpload({ bytes: noise(4096, filename), filename, mime });
    }
  });

  it('refuses text and HTML dressed as a JPEG', async () => {
    await refuseUpload({ bytes: Buffer.from(HTML_PAYLOAD), filename: 'photo.jpg', mime: 'image/jpeg' });
    await refuseUpload({ bytes: Buffer.from('just some text\n'), filename: 'notes.jpg', mime: 'image/jpeg' });
  });

  it('refuses a file whose declared type lies about its content (a PNG sent as video/mp4)', async () => {
    await refuseUpload({ bytes: png, filename: 'clip.mp4', mime: 'video/mp4' });
    await refuseUpload({ bytes: jpeg, filename: 'page.html', mime: 'text/html' });
  });

  it('refuses HLS playlists and ffmpeg concat scripts, which would make ffmpeg read local files', async () => {
    for (const mime of ['application/vnd.apple.mpegurl', 'video/mp4', 'application/octet-stream']) {
      await refuseUpload({ bytes: Buffer.from(HLS_PLAYLIST), filename: 'stream.m3u8', mime });
    }
    await refuseUpload({ bytes: Buffer.from(FFCONCAT_SCRIPT), filename: 'list.mp4', mime: 'video/mp4' });
  });

  it('refuses SVG (it can carry scripts)', async () => {
    await refuseUpload({ bytes: Buffer.from(SVG_WITH_SCRIPT), filename: 'logo.svg', mime: 'image/svg+xml' });
    await refuseUpload({ bytes: Buffer.from(SVG_WITH_SCRIPT), filename: 'logo.png', mime: 'image/png' });
  });

  it('refuses a decompression bomb (a 20000×20000 PNG of a few dozen KB)', async () => {
    const bomb = decompressionBomb();
    expect(bomb.length).toBeLessThan(100_000);
    await refuseUpload({ bytes: bomb, filename: 'bomb.png', mime: 'image/png' });
  });

  it('refuses a request without a file, and one with two file parts', async () => {
    await expectRefused(() => {
      const { payload, headers } = multipart([{ name: 'description', value: 'no file here' }]);
      return alice.post('/api/v2/media', payload, { headers });
    }, [422]);
    await expectRefused(() => postMedia(alice, { bytes: jpeg, filename: 'one.jpg', mime: 'image/jpeg' }, {}, [{ name: 'file', value: png, filename: 'two.png', contentType: 'image/png' }]), [400, 422]);
  });
});

describe.runIf(runMediaTests)('polyglots', () => {
  it('accepts a JPEG with HTML appended as a picture, but stores none of the HTML', async () => {
    const media = await uploadProcessed(s, alice, { bytes: Buffer.concat([jpeg, Buffer.from(HTML_PAYLOAD)]), filename: 'polyglot.jpg', mime: 'image/jpeg' });
    expect(media.type).toBe('image');
    for (const url of [media.url!, media.preview_url!]) {
      const stored = await readFile((await storedFileOf(s, url))!);
      expect(stored.includes(POLYGLOT_MARKER)).toBe(false);
      expect(stored.includes('<script')).toBe(false);
    }
  });

  it('stores no ZIP archive from a GIFAR (a GIF with a ZIP behind it), or refuses it outright', async () => {
    const gif = await corpusUpload('gif');
    const gifar: Upload = { bytes: Buffer.concat([gif.bytes, zipWith('payload.html', Buffer.from(HTML_PAYLOAD))]), filename: 'gifar.gif', mime: 'image/gif' };
    const disk = await diskState(s);
    const res = await postMedia(alice, gifar);
    await s.drainJobs();
    if (res.statusCode === 422) {
      expect(await diskState(s)).toEqual(disk);
      return;
    }
    expect([200, 202], res.body).toContain(res.statusCode);
    const media = (await alice.get(`/api/v1/media/${res.json().id}`)).json();
    for (const url of [media.url, media.preview_url]) {
      const stored = await readFile((await storedFileOf(s, url))!);
      expect(stored.includes(POLYGLOT_MARKER)).toBe(false);
      expect(stored.includes(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe(false);
      expect(stored.includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]))).toBe(false);
    }
  });
});

describe.runIf(runMediaTests)('file names', () => {
  it('never uses the uploaded file name: a traversal name writes nothing outside the media folder', async () => {
    const escapes = [`../../../../../../../../${path.basename(s.root)}-escaped.jpg`, '../../etc/passwd.jpg', '..\\..\\escaped.jpg', '/etc/parley-absolute.jpg'];
    for (const filename of escapes) {
      const media = await uploadProcessed(s, alice, { bytes: jpeg, filename, mime: 'image/jpeg' });
      expect(media.url).not.toMatch(/passwd|escaped|absolute|\.\./);
    }
    // Everything the server wrote is inside its media folder (incoming is empty again) ...
    expect(await incomingSettled(s)).toEqual([]);
    const written = await walkFiles(s.root);
    expect(written.filter((f) => !f.startsWith(s.config.media.dir + path.sep))).toEqual([]);
    // ... and nothing appeared where the names pointed.
    for (const filename of escapes) {
      for (const base of [s.config.media.incomingDir, s.config.media.dir, s.root]) expect(existsSync(path.resolve(base, filename))).toBe(false);
    }
    expect(existsSync(path.join(os.tmpdir(), `${path.basename(s.root)}-escaped.jpg`))).toBe(false);
  });
});

describe.runIf(runMediaTests)('size limits', () => {
  const MB = 1024 * 1024;
  let small: MediaTestServer;
  let carol: TestUser;
  beforeAll(async () => {
    small = await createMediaServer({ env: { PARLEY_IMAGE_SIZE_LIMIT_MB: '1', PARLEY_VIDEO_SIZE_LIMIT_MB: '3' } });
    carol = await small.createUser('carol');
  });
  afterAll(() => small?.close());

  it('answers 413 for a picture or a video over its limit, storing nothing', async () => {
    const mp4 = await corpusUpload('mp4');
    const tooBig = [
      { bytes: Buffer.concat([jpeg, Buffer.alloc(1.5 * MB)]), filename: 'big.jpg', mime: 'image/jpeg' },
      { bytes: paddedMp4(mp4.bytes, 3.5 * MB), filename: 'big.mp4', mime: 'video/mp4' },
    ];
    for (const upload of tooBig) {
      const disk = await diskState(small);
      const rows = await mediaRowCounts(small);
      const res = await postMedia(carol, upload);
      expect(res.statusCode, `${upload.filename}: ${res.body}`).toBe(413);
      expect(res.json().error).toEqual(expect.any(String));
      await small.drainJobs();
      expect(await diskState(small)).toEqual(disk);
      expect(await mediaRowCounts(small)).toEqual(rows);
    }
  });

  it('measures each kind against its own limit: a 1.5 MB video passes where a picture may not', async () => {
    const mp4 = await corpusUpload('mp4');
    const res = await postMedia(carol, { ...mp4, bytes: paddedMp4(mp4.bytes, 1.5 * MB) });
    expect(res.statusCode, res.body).toBe(202);
    await small.drainJobs();
    const picture = await postMedia(carol, { bytes: jpeg, filename: 'fine.jpg', mime: 'image/jpeg' });
    expect(picture.statusCode, picture.body).toBe(200);
  });
});

describe.runIf(runMediaTests)('attaching media to a status', () => {
  const picture = () => uploadProcessed(s, alice, { bytes: jpeg, filename: 'p.jpg', mime: 'image/jpeg' });

  /** A status post that must be refused: no status is created and no media gets attached. */
  async function refusePost(user: TestUser, mediaIds: string[], statuses: number[]) {
    const before = await countStatuses();
    const res = await user.post('/api/v1/statuses', { status: 'with media', media_ids: mediaIds });
    expect(statuses, res.body).toContain(res.statusCode);
    expect(res.json().error).toEqual(expect.any(String));
    expect(await countStatuses()).toBe(before);
    const attached = await s.ctx.db.selectFrom('media_attachments').select('status_id').where('id', 'in', mediaIds).execute();
    expect(attached.map((r) => r.status_id)).toEqual(mediaIds.map(() => null));
  }

  it('takes four pictures but not five', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await picture()).id);
    await refusePost(alice, ids, [422]);
    const ok = await alice.post('/api/v1/statuses', { status: 'four', media_ids: ids.slice(0, 4) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().media_attachments.map((m: { id: string }) => m.id)).toEqual(ids.slice(0, 4));
  });

  it('refuses a picture together with a video', async () => {
    const video = await uploadProcessed(s, alice, await corpusUpload('mp4'));
    await refusePost(alice, [(await picture()).id, video.id], [422]);
  });

  it('refuses media that is still processing', async () => {
    const res = await postMedia(alice, await corpusUpload('mp4'));
    expect(res.statusCode, res.body).toBe(202);
    await refusePost(alice, [res.json().id], [422]);
    await s.drainJobs();
  });

  it('refuses someone else’s media, attaching nothing, and hides it from them', async () => {
    const bobs = await uploadProcessed(s, bob, { bytes: jpeg, filename: 'bob.jpg', mime: 'image/jpeg' });
    await refusePost(alice, [bobs.id], [404, 422]);
    await refusePost(alice, [(await picture()).id, bobs.id], [404, 422]);
    expect((await alice.get(`/api/v1/media/${bobs.id}`)).statusCode).toBe(404);
    expect((await alice.put(`/api/v1/media/${bobs.id}`, { description: 'mine now' })).statusCode).toBe(404);
    expect((await bob.get(`/api/v1/media/${bobs.id}`)).json().description).toBeNull();
  });
});
