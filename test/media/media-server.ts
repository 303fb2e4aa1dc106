// A test server whose data folder is a fresh temporary directory, so a test can see every file
// the server writes, plus the calls the media tests share (upload, wait for processing, fetch
// a media URL, take stock of disk and database).
import type { LightMyRequestResponse } from 'fastify';
import { readFile, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MediaAttachmentJson } from '../../api/entities.ts';
import { createTestServer, type TestServer, type TestServerOptions, type TestUser } from '../helpers/server.ts';
import { multipart, type Part } from './multipart.ts';
import { walkFiles } from './tools.ts';

export interface MediaTestServer extends TestServer {
  /** The temporary folder holding the server's data folder (and nothing else). */
  root: string;
}

export async function createMediaServer(opts: TestServerOptions = {}): Promise<MediaTestServer> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'parley-media-test-'));
  const s = await createTestServer({ ...opts, env: { PARLEY_DATA_DIR: path.join(root, 'data'), ...(opts.env ?? {}) } });
  const closeServer = s.close;
  return Object.assign(s, {
    root,
    async close() {
      await closeServer();
      await rm(root, { recursive: true, force: true });
    },
  });
}

export interface Upload {
  bytes: Buffer;
  filename: string;
  mime: string;
}

export async function uploadOf(file: { path: string; filename: string; mime: string }): Promise<Upload> {
  return { bytes: await readFile(file.path), filename: file.filename, mime: file.mime };
}

/** POST /api/v2/media with the file and any extra form fields (description, focus...). */
export function postMedia(user: TestUser, upload: Upload, fields: Record<string, string> = {}, extraParts: Part[] = []): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipart([
    { name: 'file', value: upload.bytes, filename: upload.filename, contentType: upload.mime },
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    ...extraParts,
  ]);
  return user.post('/api/v2/media', payload, { headers });
}

/** Uploads, runs the processing jobs, and returns the attachment as GET /api/v1/media/:id shows it then. */
export async function uploadProcessed(s: TestServer, user: TestUser, upload: Upload, fields: Record<string, string> = {}): Promise<MediaAttachmentJson> {
  const posted = await postMedia(user, upload, fields);
  if (posted.statusCode !== 200 && posted.statusCode !== 202) throw new Error(`upload of ${upload.filename} answered ${posted.statusCode}: ${posted.body}`);
  await s.drainJobs();
  const res = await user.get(`/api/v1/media/${posted.json().id}`);
  if (res.statusCode !== 200) throw new Error(`media ${upload.filename} answered ${res.statusCode} after processing: ${res.body}`);
  return res.json() as MediaAttachmentJson;
}

/** GET of a media URL the API returned (absolute, maybe signed), through the app itself. */
export function fetchMediaUrl(s: TestServer, url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const u = new URL(url);
  return s.inject({ method: 'GET', url: u.pathname + u.search, headers });
}

/** The storage key a media URL names (its last path segment). */
export function keyOf(url: string): string {
  return path.posix.basename(new URL(url).pathname);
}

/** The stored file behind a media URL, found by walking the media folder (no layout assumed). */
export async function storedFileOf(s: TestServer, url: string): Promise<string | undefined> {
  const key = keyOf(url);
  return (await walkFiles(s.config.media.dir)).find((f) => path.basename(f) === key);
}

/**
 * Waits (bounded) until the incoming folder is empty: the request's temporary upload file is
 * removed by an onResponse hook, which runs just after the response has been delivered.
 */
export async function incomingSettled(s: TestServer): Promise<string[]> {
  let left = await walkFiles(s.config.media.incomingDir);
  for (let i = 0; i < 100 && left.length > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    left = await walkFiles(s.config.media.incomingDir);
  }
  return left;
}

/** Every file under the server's whole temporary root, with its size, once uploads in flight are gone. */
export async function diskState(s: MediaTestServer): Promise<string[]> {
  await incomingSettled(s);
  const files = await walkFiles(s.root);
  return Promise.all(files.map(async (f) => `${path.relative(s.root, f)} ${(await stat(f)).size}`));
}

/** Rows of media_attachments and media_files: a refused upload must leave both unchanged. */
export async function mediaRowCounts(s: TestServer): Promise<{ attachments: number; files: number }> {
  const attachments = await s.ctx.db.selectFrom('media_attachments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const files = await s.ctx.db.selectFrom('media_files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { attachments: Number(attachments.n), files: Number(files.n) };
}
