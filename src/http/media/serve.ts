// GET /media/:key: stored media, with byte ranges for video and audio players. Authorisation is
// decided in src/services/media/media-access.ts; this file only speaks HTTP.
import type { RouteGroup } from '../routes.ts';
import { notFound } from '../../domain/errors.ts';
import { MEDIA_PATH } from '../../media/urls.ts';
import { servableFile } from '../../services/media/media-access.ts';

const YEAR_S = 365 * 24 * 3600;

/** A single `bytes=a-b`, `bytes=a-` or `bytes=-n` range; anything else is ignored (whole file). */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

export const serveMediaRoutes: RouteGroup = (app, ctx) => {
  app.get<{ Params: { key: string }; Querystring: { exp?: string; sig?: string } }>(`${MEDIA_PATH}/:key`, { config: { auth: { mode: 'none' } } }, async (request, reply) => {
    const { key } = request.params;
    const file = await servableFile(ctx, key, request.query ?? {});
    const info = file ? await ctx.media.storage.stat(key) : null;
    if (!file || !info) throw notFound();
    reply
      .header('content-type', file.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('access-control-allow-origin', '*')
      .header('accept-ranges', 'bytes')
      .header('etag', `"${key}"`)
      .header('cache-control', file.isPublic ? `public, max-age=${YEAR_S}, immutable` : 'private, max-age=86400');
    if (request.headers['if-none-match'] === `"${key}"`) return reply.status(304).send();
    const range = parseRange(request.headers.range, info.size);
    if (range === 'unsatisfiable') return reply.status(416).header('content-range', `bytes */${info.size}`).send();
    if (range) {
      reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${info.size}`).header('content-length', range.end - range.start + 1);
      return reply.send(ctx.media.storage.open(key, range));
    }
    reply.header('content-length', info.size);
    return reply.send(ctx.media.storage.open(key));
  });
};
