// Deleting a post really deletes it: after the delete (and the jobs it starts), no table of the
// database holds its text anywhere: not the post, its edit history, its poll, the search index,
// notifications, queued jobs or media (rows and files). The scan reads every text column of every
// table, and every byte of every file in the media folder.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placesHolding as scan } from '../helpers/db-scan.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { multipart } from '../media/multipart.ts';

let s: TestServer;
let alice: TestUser;
let bob: TestUser;
beforeAll(async () => {
  s = await createTestServer();
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
  expect((await bob.post(`/api/v1/accounts/${alice.id}/follow`)).statusCode).toBe(200);
});
afterAll(() => s.close());

const placesHolding = (marker: string) => scan(s.ctx, marker);

/** Stored files, by path, whose bytes contain the marker (and how many files there are). */
async function mediaFilesHolding(marker: string): Promise<{ holding: string[]; files: number }> {
  const entries = await readdir(s.config.media.dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  const holding: string[] = [];
  for (const f of files) if ((await readFile(f)).includes(marker)) holding.push(f);
  return { holding, files: files.length };
}

describe('deleting a post', () => {
  it('leaves its text nowhere in the database', async () => {
    const marker = `zqx${Date.now().toString(36)}marker`;
    // A picture carrying the marker in its EXIF and its alt text.
    const picture = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#884422' } })
      .withExif({ IFD0: { ImageDescription: marker, Artist: marker } })
      .jpeg()
      .toBuffer();
    expect(picture.includes(marker)).toBe(true);
    const { payload, headers } = multipart([{ name: 'file', value: picture, filename: `${marker}.jpg`, contentType: 'image/jpeg' }, { name: 'description', value: `alt ${marker}` }]);
    const media = await alice.post('/api/v2/media', payload, { headers });
    expect(media.statusCode).toBe(200);
    const filesBefore = (await mediaFilesHolding(marker)).files;
    const created = await alice.post('/api/v1/statuses', {
      media_ids: [media.json().id],
      status: `first draft ${marker} #${marker}tag @bob`,
      spoiler_text: `cw ${marker}`,
    });
    expect(created.statusCode).toBe(200);
    const id = created.json().id as string;
    expect((await alice.put(`/api/v1/statuses/${id}`, { status: `second draft ${marker} @bob`, media_ids: [], poll: { options: [`maybe ${marker}`, 'no'], expires_in: 3600 } })).statusCode).toBe(200);
    await bob.post(`/api/v1/statuses/${id}/favourite`);
    await bob.post(`/api/v1/statuses/${id}/bookmark`);
    await bob.post(`/api/v1/statuses/${id}/reblog`);
    await s.drainJobs();
    // The scan finds the marker while the post exists: it really looks where the text is kept.
    expect(await placesHolding(marker)).toEqual(expect.arrayContaining(['statuses.text', 'statuses.content_html', 'status_edits.text', 'search_documents.body', 'media_attachments.description']));
    // The stored picture never held the marker (its metadata was removed on upload), but it exists.
    expect(await mediaFilesHolding(marker)).toEqual({ holding: [], files: filesBefore });
    expect(filesBefore).toBeGreaterThan(0);

    expect((await alice.delete(`/api/v1/statuses/${id}?delete_media=true`)).statusCode).toBe(200);
    await s.drainJobs();
    // Hashtag names are shared vocabulary, not the post's text; everything else must be gone.
    expect((await placesHolding(marker)).filter((place) => !place.startsWith('tags.'))).toEqual([]);
    expect(await mediaFilesHolding(marker)).toEqual({ holding: [], files: 0 });
    expect((await bob.get(`/api/v1/statuses/${id}`)).statusCode).toBe(404);
  });
});
