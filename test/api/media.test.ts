// The media API as clients use it: uploading, describing, attaching to posts, editing,
// scheduling, deleting, profile images, and the clean-up of uploads never posted.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaAttachmentJson, StatusJson } from '../../api/entities.ts';
import type { Clock } from '../../src/infra/clock.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { multipart } from '../media/multipart.ts';

let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };

let s: TestServer;
let alice: TestUser;
let bob: TestUser;
let png: Buffer;
beforeAll(async () => {
  s = await createTestServer({ clock });
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
  png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#3366cc' } }).png().toBuffer();
});
afterAll(() => s.close());

function upload(user: TestUser, file: Buffer, fields: Record<string, string> = {}, mime = 'image/png') {
  const { payload, headers } = multipart([{ name: 'file', value: file, filename: 'picture.png', contentType: mime }, ...Object.entries(fields).map(([name, value]) => ({ name, value }))]);
  return user.post('/api/v2/media', payload, { headers });
}

async function uploaded(user: TestUser = alice, fields: Record<string, string> = {}): Promise<MediaAttachmentJson> {
  const res = await upload(user, png, fields);
  expect(res.statusCode).toBe(200);
  return res.json();
}

const get = (url: string) => {
  const u = new URL(url);
  return s.inject({ method: 'GET', url: u.pathname + u.search });
};
const fileOnDisk = (url: string) => {
  const key = path.basename(new URL(url).pathname);
  return existsSync(path.join(s.config.media.dir, key.slice(0, 2), key.slice(2, 4), key));
};
const readdirSyncSafe = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);
const post = async (user: TestUser, body: Record<string, unknown>): Promise<StatusJson> => {
  const res = await user.post('/api/v1/statuses', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('POST /api/v2/media', () => {
  it('answers a picture at once, in Mastodon shape, with signed URLs until it is posted', async () => {
    const media = await uploaded(alice, { description: 'A blue rectangle', focus: '0.5,-0.25' });
    expect(media).toMatchObject({
      type: 'image',
      description: 'A blue rectangle',
      remote_url: null,
      preview_remote_url: null,
      text_url: null,
      meta: { original: { width: 300, height: 200, size: '300x200', aspect: 1.5 }, focus: { x: 0.5, y: -0.25 } },
    });
    expect(Object.keys(media)).toEqual(['id', 'type', 'url', 'preview_url', 'remote_url', 'preview_remote_url', 'text_url', 'meta', 'description', 'blurhash']);
    expect(media.meta?.small?.width).toBeGreaterThan(0);
    expect(media.blurhash).toMatch(/^[0-9A-Za-z#$%*+,-.:;=?@[\]^_{|}~]{6,}$/);
    expect(media.url).toMatch(/^https:\/\/parley\.test\/media\/[0-9a-f]{32}\.png\?exp=\d+&sig=[\w-]+$/);
    expect(media.preview_url).toMatch(/\/media\/[0-9a-f]{32}\.webp\?exp=/);
    expect((await get(media.url!)).statusCode).toBe(200);
    expect((await get(media.url!.split('?')[0]!)).statusCode).toBe(404);
  });

  it('is the same on the deprecated v1 route, and needs the write:media scope', async () => {
    const { payload, headers } = multipart([{ name: 'file', value: png, filename: 'a.png', contentType: 'image/png' }]);
    expect((await alice.post('/api/v1/media', payload, { headers })).statusCode).toBe(200);
    const reader = await s.createUser('reader', { scopes: ['read'] });
    const res = await reader.post('/api/v2/media', payload, { headers });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a bad focus or an over-long description without storing anything', async () => {
    const before = await s.ctx.db.selectFrom('media_attachments').select('id').execute();
    expect((await upload(alice, png, { focus: '2,0' })).statusCode).toBe(422);
    expect((await upload(alice, png, { description: 'x'.repeat(1501) })).statusCode).toBe(422);
    expect((await upload(alice, png, {}, 'text/html')).statusCode).toBe(422);
    const { payload, headers } = multipart([{ name: 'description', value: 'no file' }]);
    expect((await alice.post('/api/v2/media', payload, { headers })).statusCode).toBe(422);
    expect(await s.ctx.db.selectFrom('media_attachments').select('id').execute()).toHaveLength(before.length);
  });
});

describe('GET, PUT and DELETE /api/v1/media/:id', () => {
  it('shows and updates only the owner’s own unposted media', async () => {
    const media = await uploaded();
    expect((await alice.get(`/api/v1/media/${media.id}`)).json()).toMatchObject({ id: media.id, type: 'image' });
    expect((await bob.get(`/api/v1/media/${media.id}`)).statusCode).toBe(404);
    expect((await bob.put(`/api/v1/media/${media.id}`, { description: 'hijack' })).statusCode).toBe(404);
    const updated = await alice.put(`/api/v1/media/${media.id}`, { description: 'Now described', focus: '-1,1' });
    expect(updated.json()).toMatchObject({ description: 'Now described', meta: { focus: { x: -1, y: 1 } } });
    expect((await alice.put(`/api/v1/media/${media.id}`, { focus: 'left' })).statusCode).toBe(422);
    expect((await alice.get(`/api/v1/media/${media.id}`)).json().description).toBe('Now described');
  });

  it('deletes an unposted upload and its files; a posted one is refused', async () => {
    const media = await uploaded();
    expect((await alice.delete(`/api/v1/media/${media.id}`)).statusCode).toBe(200);
    await s.drainJobs();
    expect(fileOnDisk(media.url!)).toBe(false);
    expect((await alice.get(`/api/v1/media/${media.id}`)).statusCode).toBe(404);
    const posted = await uploaded();
    await post(alice, { status: 'mine', media_ids: [posted.id] });
    expect((await alice.delete(`/api/v1/media/${posted.id}`)).statusCode).toBe(422);
    expect((await alice.get(`/api/v1/media/${posted.id}`)).statusCode).toBe(404);
  });
});

describe('media on posts', () => {
  it('attaches pictures in the order given, with permanent URLs on a public post', async () => {
    const [a, b] = [await uploaded(alice, { description: 'first' }), await uploaded(alice, { description: 'second' })];
    const status = await post(alice, { status: '', media_ids: [b.id, a.id] });
    expect(status.media_attachments.map((m) => [m.id, m.description])).toEqual([[b.id, 'second'], [a.id, 'first']]);
    const url = status.media_attachments[0]!.url!;
    expect(url).not.toContain('?');
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect((await s.inject({ method: 'GET', url: `/api/v1/statuses/${status.id}` })).json().media_attachments).toHaveLength(2);
  });

  it('signs the URLs of a followers-only post and serves them only with the signature', async () => {
    const media = await uploaded();
    const status = await post(alice, { status: 'friends only', visibility: 'private', media_ids: [media.id] });
    const url = status.media_attachments[0]!.url!;
    expect(url).toMatch(/\?exp=\d+&sig=/);
    expect((await get(url)).statusCode).toBe(200);
    expect((await get(url.split('?')[0]!)).statusCode).toBe(404);
    expect((await get(url.replace(/sig=[\w-]/, 'sig=0'))).statusCode).toBe(404);
  });

  it('refuses too many, foreign, reused and mixed media, and changes nothing', async () => {
    const five = await Promise.all([1, 2, 3, 4, 5].map(() => uploaded()));
    const count = async () => (await alice.get(`/api/v1/accounts/${alice.id}`)).json().statuses_count as number;
    const before = await count();
    expect((await alice.post('/api/v1/statuses', { status: 'five', media_ids: five.map((m) => m.id) })).statusCode).toBe(422);
    const bobs = await uploaded(bob);
    expect((await alice.post('/api/v1/statuses', { status: 'not mine', media_ids: [five[0]!.id, bobs.id] })).statusCode).toBe(422);
    expect((await alice.post('/api/v1/statuses', { status: 'unknown', media_ids: ['01HZZZZZZZZZZZZZZZZZZZZZZZ'] })).statusCode).toBe(422);
    expect((await alice.post('/api/v1/statuses', { status: 'poll too', media_ids: [five[0]!.id], poll: { options: ['a', 'b'], expires_in: 3600 } })).statusCode).toBe(422);
    await post(alice, { status: 'uses one', media_ids: [five[4]!.id] });
    expect((await alice.post('/api/v1/statuses', { status: 'reuse', media_ids: [five[4]!.id] })).statusCode).toBe(422);
    expect(await count()).toBe(before + 1);
    expect((await alice.get(`/api/v1/media/${five[0]!.id}`)).statusCode).toBe(200);
  });

  it('lists only posts with media when asked', async () => {
    const media = await uploaded(bob);
    const withMedia = await post(bob, { status: 'with a picture', media_ids: [media.id] });
    const without = await post(bob, { status: 'just words' });
    const ids = (r: { json(): StatusJson[] }) => r.json().map((x) => x.id);
    const account = ids(await alice.get(`/api/v1/accounts/${bob.id}/statuses?only_media=true`));
    expect(account).toContain(withMedia.id);
    expect(account).not.toContain(without.id);
    const pub = ids(await alice.get('/api/v1/timelines/public?only_media=true&limit=40'));
    expect(pub).toContain(withMedia.id);
    expect(pub).not.toContain(without.id);
  });

  it('edits media and alt text, keeping each version in the history', async () => {
    const [a, b] = [await uploaded(alice, { description: 'one' }), await uploaded(alice, { description: 'two' })];
    const status = await post(alice, { status: 'two pictures', media_ids: [a.id, b.id] });
    const edit = await alice.put(`/api/v1/statuses/${status.id}`, { status: 'one picture', media_ids: [a.id], media_attributes: [{ id: a.id, description: 'one, better described' }] });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().media_attachments.map((m: MediaAttachmentJson) => [m.id, m.description])).toEqual([[a.id, 'one, better described']]);
    const history = (await alice.get(`/api/v1/statuses/${status.id}/history`)).json() as { media_attachments: MediaAttachmentJson[] }[];
    expect(history.map((h) => h.media_attachments.map((m) => m.description))).toEqual([['one', 'two'], ['one, better described']]);
    // The removed picture belongs to the history of a public post: still served.
    expect((await get(history[0]!.media_attachments[1]!.url!)).statusCode).toBe(200);
    const kept = await alice.put(`/api/v1/statuses/${status.id}`, { status: 'text only changed' });
    expect(kept.json().media_attachments.map((m: MediaAttachmentJson) => m.id)).toEqual([a.id]);
  });

  it('carries media on a scheduled post and publishes them with it', async () => {
    const media = await uploaded();
    const at = new Date(clock.now().getTime() + 3600_000).toISOString();
    const res = await alice.post('/api/v1/statuses', { status: 'later', media_ids: [media.id], scheduled_at: at });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().media_attachments.map((m: MediaAttachmentJson) => m.id)).toEqual([media.id]);
    expect((await alice.post('/api/v1/statuses', { status: 'steal it', media_ids: [media.id] })).statusCode).toBe(422);
    offsetMs += 2 * 3600_000;
    await s.drainJobs();
    const statuses = (await alice.get(`/api/v1/accounts/${alice.id}/statuses?limit=1`)).json() as StatusJson[];
    expect(statuses[0]).toMatchObject({ content: '<p>later</p>', media_attachments: [{ id: media.id }] });
  });
});

describe('deleting posts with media', () => {
  it('erases the files at once with delete_media=true', async () => {
    const media = await uploaded();
    const status = await post(alice, { status: 'gone soon', media_ids: [media.id] });
    const url = status.media_attachments[0]!.url!;
    expect(fileOnDisk(url)).toBe(true);
    const res = await alice.delete(`/api/v1/statuses/${status.id}?delete_media=true`);
    expect(res.statusCode).toBe(200);
    expect(res.json().media_attachments[0].id).toBe(media.id);
    expect((await get(url)).statusCode).toBe(404);
    await s.drainJobs();
    expect(fileOnDisk(url)).toBe(false);
    expect(fileOnDisk(status.media_attachments[0]!.preview_url!)).toBe(false);
    expect(await s.ctx.db.selectFrom('media_attachments').select('id').where('id', '=', media.id).execute()).toEqual([]);
    expect(await s.ctx.db.selectFrom('media_files').select('key').where('attachment_id', '=', media.id).execute()).toEqual([]);
  });

  it('keeps the media a day for a redraft otherwise, unserved, then erases them', async () => {
    const media = await uploaded();
    const status = await post(alice, { status: 'redraft me', media_ids: [media.id] });
    const url = status.media_attachments[0]!.url!;
    await alice.delete(`/api/v1/statuses/${status.id}`);
    await s.drainJobs();
    expect((await get(url)).statusCode).toBe(404);
    const redraft = await post(alice, { status: 'redrafted', media_ids: [media.id] });
    expect(redraft.media_attachments[0]!.id).toBe(media.id);
    await alice.delete(`/api/v1/statuses/${redraft.id}`);
    offsetMs += 25 * 3600_000;
    const { cleanupMedia } = await import('../../src/services/media/cleanup-media.ts');
    expect(await cleanupMedia(s.ctx)).toBeGreaterThanOrEqual(1);
    await s.drainJobs();
    expect(fileOnDisk(url)).toBe(false);
    expect((await alice.get(`/api/v1/media/${media.id}`)).statusCode).toBe(404);
  });
});

describe('uploads never posted', () => {
  it('are erased with their files a day after upload, by the recurring clean-up job', async () => {
    const media = await uploaded();
    offsetMs += 23 * 3600_000;
    const { cleanupMedia } = await import('../../src/services/media/cleanup-media.ts');
    await cleanupMedia(s.ctx);
    expect((await alice.get(`/api/v1/media/${media.id}`)).statusCode).toBe(200);
    offsetMs += 2 * 3600_000;
    await cleanupMedia(s.ctx);
    await s.drainJobs();
    expect((await alice.get(`/api/v1/media/${media.id}`)).statusCode).toBe(404);
    expect(fileOnDisk(media.url!)).toBe(false);
  });
});

describe('avatars and headers', () => {
  it('are processed, served publicly, replaced and removed with their files', async () => {
    const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#cc6633' } }).jpeg().toBuffer();
    const send = (name: string) => {
      const { payload, headers } = multipart([{ name, value: photo, filename: 'me.jpg', contentType: 'image/jpeg' }, { name: 'display_name', value: 'Alice A.' }]);
      return s.inject({ method: 'PATCH', url: '/api/v1/accounts/update_credentials', payload, headers: { ...headers, authorization: `Bearer ${alice.token}` } });
    };
    const first = await send('avatar');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().display_name).toBe('Alice A.');
    const avatar = first.json().avatar as string;
    expect(avatar).toMatch(/\/media\/[0-9a-f]{32}\.jpg$/);
    const served = await get(avatar);
    expect(served.statusCode).toBe(200);
    expect((await sharp(served.rawPayload).metadata())).toMatchObject({ width: 400, height: 400 });
    const header = (await send('header')).json().header as string;
    expect((await sharp((await get(header)).rawPayload).metadata())).toMatchObject({ width: 900, height: 300 });
    const second = (await send('avatar')).json().avatar as string;
    expect(second).not.toBe(avatar);
    await s.drainJobs();
    expect(fileOnDisk(avatar)).toBe(false);
    expect((await get(avatar)).statusCode).toBe(404);
    const removed = await alice.delete('/api/v1/profile/avatar');
    expect(removed.json().avatar).toMatch(/\/avatars\/original\/missing\.png$/);
    await s.drainJobs();
    expect(fileOnDisk(second)).toBe(false);
  });
});

// Video needs Debian's ffmpeg: CI installs it (.ci/run) and requires these tests; a developer's
// machine without it leaves them out (the instance test above still checks the refusal rule).
const ffmpegPresent = spawnSync('ffmpeg', ['-version']).status === 0;
describe.runIf(ffmpegPresent || process.env.CI === 'true')('video, animations and audio', () => {
  let dir: string;
  const make = (name: string, args: string[]) => {
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...args, path.join(dir, name)]);
    return readFileSync(path.join(dir, name));
  };
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'parley-media-api-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const send = (file: Buffer, filename: string, mime: string) => {
    const { payload, headers } = multipart([{ name: 'file', value: file, filename, contentType: mime }]);
    return alice.post('/api/v2/media', payload, { headers });
  };

  it('answers 202, then 206 while processing, then 200 with the video, its poster and meta', async () => {
    const mp4 = make('clip.mp4', ['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=2', '-f', 'lavfi', '-i', 'sine=duration=2', '-c:v', 'libx264', '-c:a', 'aac', '-shortest']);
    const res = await send(mp4, 'clip.mp4', 'video/mp4');
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ type: 'video', url: null });
    expect((await alice.get(`/api/v1/media/${res.json().id}`)).statusCode).toBe(206);
    expect((await alice.post('/api/v1/statuses', { status: 'too early', media_ids: [res.json().id] })).statusCode).toBe(422);
    await s.drainJobs();
    const ready = await alice.get(`/api/v1/media/${res.json().id}`);
    expect(ready.statusCode).toBe(200);
    const media = ready.json() as MediaAttachmentJson;
    expect(media).toMatchObject({ type: 'video', meta: { width: 320, height: 240, fps: 25, original: { width: 320, height: 240 }, small: { width: 320, height: 240 } } });
    expect(media.meta?.duration).toBeGreaterThan(1.9);
    expect(media.url).toMatch(/\.mp4\?exp=/);
    expect(media.preview_url).toMatch(/\.webp\?exp=/);
    expect(media.blurhash).toBeTruthy();
    const status = await post(alice, { status: 'a clip', media_ids: [media.id] });
    const video = await get(status.media_attachments[0]!.url!);
    expect(video.headers['content-type']).toBe('video/mp4');
    const partial = await s.inject({ method: 'GET', url: new URL(status.media_attachments[0]!.url!).pathname, headers: { range: 'bytes=0-99' } });
    expect(partial.statusCode).toBe(206);
    expect(partial.headers['content-range']).toBe(`bytes 0-99/${video.rawPayload.length}`);
    expect(partial.rawPayload).toEqual(video.rawPayload.subarray(0, 100));
    // Nothing of the upload is left waiting once it is processed.
    expect(readdirSyncSafe(s.config.media.incomingDir)).toEqual([]);
  });

  it('turns an animated GIF into a looping video and audio into MP3', async () => {
    const gif = make('anim.gif', ['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=10:duration=1']);
    const g = await send(gif, 'anim.gif', 'image/gif');
    expect(g.statusCode, g.body).toBe(202);
    const mp3 = make('tune.mp3', ['-f', 'lavfi', '-i', 'sine=duration=2', '-metadata', 'title=Secret title']);
    const a = await send(mp3, 'tune.mp3', 'audio/mpeg');
    expect(a.statusCode, a.body).toBe(202);
    await s.drainJobs();
    const gifv = (await alice.get(`/api/v1/media/${g.json().id}`)).json() as MediaAttachmentJson;
    expect(gifv).toMatchObject({ type: 'gifv', meta: { width: 160, height: 120 } });
    expect(gifv.url).toMatch(/\.mp4\?/);
    const audio = (await alice.get(`/api/v1/media/${a.json().id}`)).json() as MediaAttachmentJson;
    expect(audio).toMatchObject({ type: 'audio', preview_url: null });
    expect(audio.url).toMatch(/\.mp3\?/);
    expect(audio.meta?.duration).toBeGreaterThan(1.9);
    expect((await get(audio.url!)).rawPayload.includes('Secret title')).toBe(false);
  });

  it('refuses at once what ffprobe cannot read, and keeps nothing', async () => {
    // Starts like an MP4 (so it passes the first look) but holds no media.
    const fake = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(12), Buffer.from('not really a movie '.repeat(50))]);
    const before = await s.ctx.db.selectFrom('media_attachments').select('id').execute();
    const res = await send(fake, 'fake.mp4', 'video/mp4');
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatch(/not a video or audio file/);
    expect(await s.ctx.db.selectFrom('media_attachments').select('id').execute()).toHaveLength(before.length);
    expect(readdirSyncSafe(s.config.media.incomingDir)).toEqual([]);
  });

  it('marks an upload failed when processing keeps failing, and removes it', async () => {
    // A server whose "ffmpeg" runs but cannot transcode: each attempt fails, the last one gives up.
    let later = 0;
    const broken = await createTestServer({ env: { PARLEY_FFMPEG: 'ffprobe' }, clock: { now: () => new Date(Date.now() + later) } });
    try {
      const carol = await broken.createUser('carol');
      const mp4 = make('short.mp4', ['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=10:duration=1', '-c:v', 'libx264']);
      const { payload, headers } = multipart([{ name: 'file', value: mp4, filename: 'short.mp4', contentType: 'video/mp4' }]);
      const res = await carol.post('/api/v2/media', payload, { headers });
      expect(res.statusCode, res.body).toBe(202);
      for (let attempt = 0; attempt < 3; attempt++) {
        later += 3600_000;
        await broken.drainJobs();
      }
      const failed = await carol.get(`/api/v1/media/${res.json().id}`);
      expect(failed.statusCode).toBe(422);
      expect(failed.json().error).toBe('The file could not be processed');
      expect(readdirSyncSafe(broken.config.media.incomingDir)).toEqual([]);
      expect(await broken.ctx.db.selectFrom('jobs').select('id').where('type', '=', 'process_media').execute()).toEqual([]);
    } finally {
      await broken.close();
    }
  });
});

describe('a server without ffmpeg', () => {
  it('still takes pictures, refuses video with a clear message, and does not offer it', async () => {
    const bare = await createTestServer({ env: { PARLEY_FFMPEG: path.join(tmpdir(), 'parley-no-ffmpeg-here') } });
    try {
      const dave = await bare.createUser('dave');
      const video = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(200)]);
      const { payload, headers } = multipart([{ name: 'file', value: video, filename: 'v.mp4', contentType: 'video/mp4' }]);
      const res = await dave.post('/api/v2/media', payload, { headers });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatch(/cannot process video.*ffmpeg is not installed/);
      const picture = multipart([{ name: 'file', value: png, filename: 'p.png', contentType: 'image/png' }]);
      expect((await dave.post('/api/v2/media', picture.payload, { headers: picture.headers })).statusCode).toBe(200);
      const types = (await bare.inject({ method: 'GET', url: '/api/v2/instance' })).json().configuration.media_attachments.supported_mime_types as string[];
      expect(types).toContain('image/jpeg');
      expect(types).not.toContain('video/mp4');
    } finally {
      await bare.close();
    }
  });
});

describe('instance configuration', () => {
  it('reports the accepted types and limits', async () => {
    const config = (await s.inject({ method: 'GET', url: '/api/v2/instance' })).json().configuration;
    expect(config.media_attachments).toMatchObject({ image_size_limit: 16 * 1024 * 1024, video_size_limit: 100 * 1024 * 1024, description_limit: 1500, image_matrix_limit: 33_177_600 });
    const types = config.media_attachments.supported_mime_types as string[];
    expect(types).toEqual(expect.arrayContaining(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/avif']));
    // Video, animations and audio are offered only when ffmpeg is there to process them.
    expect(types.includes('video/mp4') && types.includes('audio/mpeg') && types.includes('image/gif')).toBe(s.ctx.media.ffmpeg !== null);
    expect(config.statuses.max_media_attachments).toBe(4);
  });
});
