// Parley's promise: no stored output of any upload keeps the uploader's metadata. When Parler
// was archived its videos still carried GPS positions; ~70,000 posts could be put on a map.
// Every file of the corpus (test/media/corpus.ts) is uploaded as a client would, processing is
// run to the end, and then every file under the media folder is read with exiftool, ffprobe
// and byte by byte: independent tools, never Parley's own code.
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaAttachmentJson } from '../../api/entities.ts';
import type { TestUser } from '../helpers/server.ts';
import { createCorpus, CORPUS_NAMES, type Corpus, type CorpusName } from './corpus.ts';
import { createMediaServer, incomingSettled, keyOf, postMedia, uploadOf, type MediaTestServer } from './media-server.ts';
import { inspectFiles, LEAK_STRINGS, type FileReport } from './metadata-policy.ts';
import { multipart } from './multipart.ts';
import { walkFiles, runMediaTests } from './tools.ts';

let corpus: Corpus;
beforeAll(async () => {
  if (!runMediaTests) return;
  corpus = await createCorpus();
});
afterAll(() => corpus?.remove());

describe.runIf(runMediaTests)('what Parley stores', () => {
  let s: MediaTestServer;
  let alice: TestUser;
  const posted = new Map<CorpusName, LightMyRequestResponse>();
  const processed = new Map<CorpusName, LightMyRequestResponse>();
  /** Uploads of video and audio with a custom thumbnail: the GPS-tagged JPEG of the corpus. */
  const withThumbnail = new Map<CorpusName, LightMyRequestResponse>();
  let profile: LightMyRequestResponse;
  let stored: string[];
  let reports: Map<string, FileReport>;

  beforeAll(async () => {
    s = await createMediaServer();
    alice = await s.createUser('alice');
    for (const file of corpus.files) posted.set(file.name, await postMedia(alice, await uploadOf(file), { description: `the ${file.name} file` }));
    const thumbnail = await uploadOf(corpus.get('jpeg'));
    const thumbnailPart = (name: string) => ({ name, value: thumbnail.bytes, filename: thumbnail.filename, contentType: thumbnail.mime });
    for (const name of ['mp4', 'mp3'] as const) {
      const res = await postMedia(alice, await uploadOf(corpus.get(name)), {}, [thumbnailPart('thumbnail')]);
      expect(res.statusCode, res.body).toBe(202);
      withThumbnail.set(name, res);
    }
    const header = await uploadOf(corpus.get('png'));
    const form = multipart([thumbnailPart('avatar'), { name: 'header', value: header.bytes, filename: header.filename, contentType: header.mime }]);
    profile = await s.inject({ method: 'PATCH', url: '/api/v1/accounts/update_credentials', headers: { authorization: `Bearer ${alice.token}`, ...form.headers }, payload: form.payload });
    await s.drainJobs();
    for (const [name, res] of posted) {
      if (res.statusCode === 200 || res.statusCode === 202) processed.set(name, await alice.get(`/api/v1/media/${res.json().id}`));
    }
    for (const [name, res] of withThumbnail) withThumbnail.set(name, await alice.get(`/api/v1/media/${res.json().id}`));
    stored = await walkFiles(s.config.media.dir);
    reports = await inspectFiles(stored);
  });
  afterAll(() => s?.close());

  const attachment = (name: CorpusName) => processed.get(name)?.json() as MediaAttachmentJson;
  const storedFor = (url: string | null) => stored.filter((f) => url !== null && path.basename(f) === keyOf(url));

  describe.each(CORPUS_NAMES)('%s', (name) => {
    it('is accepted as Mastodon does: 200 for still pictures, 202 with url null while video, animation or audio is processed', () => {
      const file = corpus.get(name);
      const res = posted.get(name)!;
      // Mastodon's clients handle both answers for a still GIF; the contract does not pin it.
      const allowed = file.type !== 'image' ? [202] : file.mime === 'image/gif' ? [200, 202] : [200];
      expect(allowed, res.body).toContain(res.statusCode);
      expect(res.json()).toMatchObject({ type: file.type, description: `the ${name} file` });
      if (res.statusCode === 202) expect(res.json().url).toBeNull();
      else expect(res.json().url).toMatch(/^https:\/\/parley\.test\/media\//);
    });

    it('is ready after processing, with sizes, duration and blurhash in its JSON and nothing of the upload’s metadata', () => {
      const file = corpus.get(name);
      const res = processed.get(name)!;
      expect(res.statusCode, res.body).toBe(200);
      const media = attachment(name);
      expect(media.type).toBe(file.type);
      expect(media.url).toMatch(/^https:\/\/parley\.test\/media\//);
      const original = media.meta?.original;
      if (file.size) expect(original).toMatchObject(file.size);
      if (file.type === 'image') expect(media.meta?.small).toMatchObject({ width: expect.any(Number), height: expect.any(Number) });
      if (file.type !== 'image') expect(original?.duration).toBeGreaterThan(0.5);
      if (file.type !== 'image') expect(original?.duration).toBeLessThan(2);
      if (file.type !== 'audio') expect(media.blurhash).toMatch(/^[0-9A-Za-z#$%*+,\-.:;=?@[\]^_{|}~]{6,}$/);
      const json = JSON.stringify(media);
      for (const leak of LEAK_STRINGS) expect(json).not.toContain(leak);
    });

    it('is stored without any metadata (exiftool, ffprobe, raw bytes), upright and at the size its JSON reports', () => {
      const file = corpus.get(name);
      const media = attachment(name);
      const originals = storedFor(media.url);
      expect(originals).toHaveLength(1);
      for (const stored of [...originals, ...storedFor(media.preview_url)]) expect(reports.get(stored)!.problems, path.basename(stored)).toEqual([]);
      // exiftool's reading of the pixels, not Parley's: the rotated JPEG must come out 48x64.
      if (file.size) expect(reports.get(originals[0]!)!.record?.['Composite:ImageSize']).toBe(`${file.size.width}x${file.size.height}`);
    });
  });

  it.each(['mp4', 'mp3'] as const)('stores the custom thumbnail of the %s upload without metadata', (name) => {
    const res = withThumbnail.get(name)!;
    expect(res.statusCode, res.body).toBe(200);
    const previews = storedFor(res.json().preview_url);
    expect(previews).toHaveLength(1);
    expect(reports.get(previews[0]!)!.problems).toEqual([]);
  });

  it('stores avatars and headers without metadata', () => {
    expect(profile.statusCode, profile.body).toBe(200);
    const { avatar, header } = profile.json();
    for (const url of [avatar, header]) {
      const files = storedFor(url);
      expect(files, url).toHaveLength(1);
      expect(reports.get(files[0]!)!.problems).toEqual([]);
    }
  });

  it('keeps every stored file clean, whichever upload it belongs to', () => {
    expect(stored.length).toBeGreaterThanOrEqual(corpus.files.length);
    const problems = stored.flatMap((file) => reports.get(file)!.problems.map((p) => `${path.basename(file)}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('leaves the incoming folder empty and writes nothing outside the media folder', async () => {
    expect(await incomingSettled(s)).toEqual([]);
    const everything = await walkFiles(s.root);
    expect(everything.filter((f) => !f.startsWith(s.config.media.dir + path.sep))).toEqual([]);
  });
});
