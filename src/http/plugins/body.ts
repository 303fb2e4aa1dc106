// Mastodon clients send parameters as JSON, as url-encoded forms and as multipart forms; all
// three become the same nested object on request.body. Uploaded files are kept aside in
// request.uploads for the endpoints that take them.
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest } from '../../domain/errors.ts';
import { buildNestedParams, parseQueryString, type Params } from './nested-params.ts';

export interface Upload {
  fieldname: string;
  filename: string;
  mimetype: string;
  data: Buffer;
}

declare module 'fastify' {
  interface FastifyRequest {
    uploads: Upload[];
  }
}

export async function registerBodyParsing(app: FastifyInstance, limits: { fileBytes: number }): Promise<void> {
  app.decorateRequest('uploads', null as unknown as Upload[]);
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
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        request.uploads.push({ fieldname: part.fieldname, filename: part.filename, mimetype: part.mimetype, data });
      } else {
        fields.push([part.fieldname, typeof part.value === 'string' ? part.value : String(part.value)]);
      }
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
