// The nsfw policy through the real server: the image of a new post is scored by the bundled model
// in its worker thread, and the verdict lands on the post. (The pipeline's own rules are covered
// in src/moderation; this checks the wiring to the worker.)
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusJson } from '../../api/entities.ts';
import { setSetting } from '../../src/db/repos/settings.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { multipart } from '../media/multipart.ts';

let s: TestServer;
let author: TestUser;
beforeAll(async () => {
  s = await createTestServer();
  author = await s.createUser('author');
  // Scoring the harmless classes makes a plain picture cross the line: proof the model ran.
  await setSetting(s.ctx.db, 'content_policies', [{ policy: 'nsfw', classes: ['Neutral', 'Drawing'], threshold: 0.5, review_threshold: 0.5, action: 'sensitive', timeout_ms: 60_000 }], new Date());
});
afterAll(() => s.close());

async function postWithPicture(status: string): Promise<StatusJson> {
  const picture = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#3366cc' } }).png().toBuffer();
  const { payload, headers } = multipart([{ name: 'file', value: picture, filename: 'picture.png', contentType: 'image/png' }]);
  const media = await author.post('/api/v2/media', payload, { headers });
  expect(media.statusCode, media.body).toBe(200);
  const res = await author.post('/api/v1/statuses', { status, media_ids: [media.json().id] });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('the nsfw policy', () => {
  it('classifies a post\'s image in the worker thread and applies the verdict', async () => {
    expect((await postWithPicture('a picture')).sensitive).toBe(true);
    const text = (await author.post('/api/v1/statuses', { status: 'no picture' })).json() as StatusJson;
    expect(text.sensitive).toBe(false);
    // tfjs-core keeps its engine on the global object of the thread that loaded it.
    expect((globalThis as Record<string, unknown>)._tfengine).toBeUndefined();
  });
});
