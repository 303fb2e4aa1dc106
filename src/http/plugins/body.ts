// Mastodon clients send parameters as JSON, as url-encoded forms and as multipart forms; all
// three become the same nested object on request.body. Uploaded files are streamed to temporary
// files (random names in a private folder, never the uploader's file name) and listed in
// request.uploads; whatever an endpoint did not take is deleted when the response is sent.
import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../../domain/errors.ts';
import { newIncomingName } from '../../media/keys.ts';
import { buildNestedParams, parseQueryString, type Params } from './nested-params.ts';

export interface Upload {
  fieldname: string;
  /** As the client named it: for messages only, never for a path. */
  filename: string;
  mimetype: string;
  /** The temporary file holding the bytes; the endpoint may move it, otherwise it is deleted. */
  path: string;
  size: number;
}

export interface BodyLimits {
  /** The largest file any endpoint accepts; each endpoint applies its own, smaller limits. */
  fileBytes: number;
  /** Folder for uploads in flight (private to the server). */
  uploadDir: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    uploads: Upload[];
  }
}

export async function registerBodyParsing(app: FastifyInstance, limits: BodyLimits): Promise<void> {
  app.decorateRequest('uploads', null as unknown as Upload[]);
  const discardUploads = async (request: FastifyRequest) => {
    const files = request.uploads ?? [];
    request.uploads = [];
    await Promise.all(files.map((u) => rm(u.path, { force: true })));
  };
  // Before the answer leaves (a client that sees its refusal finds nothing left behind), and
  // on aborted requests.
  app.addHook('onSend', async (request, _reply, payload) => {
    await discardUploads(request);
    return payload;
  });
  app.addHook('onRequestAbort', discardUploads);
  // An empty JSON body is common from clients that always set the header (e.g. on POST /favourite).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(badRequest('Malformed JSON in request body'), undefined);
    }
  });
  await app.register(formbody, { parser: (text: string) => parseQueryString(text) });
  await app.register(multipart, { limits: { fileSize: limits.fileBytes, files: 4, fields: 200, fieldSize: 100_000 } });
  app.addHook('preValidation', async (request: FastifyRequest) => {
    request.uploads = [];
    if (!request.isMultipart()) return;
    const fields: [string, string][] = [];
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const upload: Upload = { fieldname: part.fieldname, filename: part.filename, mimetype: part.mimetype, path: path.join(limits.uploadDir, newIncomingName()), size: 0 };
          // Listed before writing, so a failed or too-large upload is still cleaned up.
          request.uploads.push(upload);
          try {
            await pipeline(part.file, createWriteStream(upload.path, { mode: 0o600 }));
          } catch (err) {
            if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, `The file is too large (at most ${Math.floor(limits.fileBytes / 1048576)} MB)`);
            throw err;
          }
          upload.size = (await stat(upload.path)).size;
        } else {
          fields.push([part.fieldname, typeof part.value === 'string' ? part.value : String(part.value)]);
        }
      }
    } catch (err) {
      if (isMalformedMultipart(err)) throw badRequest('Malformed multipart body');
      throw err;
    }
    (request as { body: unknown }).body = buildNestedParams(fields);
  });
  // PostgreSQL cannot store a NUL character in text, and no legitimate input contains one:
  // refuse it at the door on both databases alike.
  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (containsNul(request.query) || containsNul(request.params) || containsNul(request.body)) {
      throw badRequest('Parameters must not contain NUL characters');
    }
  });
}

/**
 * busboy reports a body that breaks the multipart format (no boundary, cut short, a bad part
 * header) as a plain Error with no code: the client's fault, not a 500. Fastify's own errors
 * carry FST_ codes (mapped in errors.ts) and failed disk writes carry E codes: those stay as
 * they are, as do programming errors (TypeError and the like).
 */
function isMalformedMultipart(err: unknown): boolean {
  return err instanceof Error && err.constructor === Error && (err as { code?: unknown }).code === undefined;
}

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 8 || value === null || typeof value !== 'object') return false;
  if (Buffer.isBuffer(value)) return false;
  for (const [k, v] of Object.entries(value)) if (k.includes('\u0000') || containsNul(v, depth + 1)) return true;
  return false;
}

/** Query and body parameters merged, as Rails does for Mastodon: body wins. */
export function paramsOf(request: FastifyRequest): Params {
  const query = (request.query ?? {}) as Params;
  const body = request.body;
  if (body && typeof body === 'object' && !Array.isArray(body)) return { ...query, ...(body as Params) };
  return { ...query };
}
