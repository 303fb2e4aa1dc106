// Serves the built web app (web/dist): hashed assets cached forever, the manifest, service worker
// and icons revalidated on every use, and index.html for the app's own paths when a browser asks
// for a page. Paths from the request only ever select a file inside web/dist.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { streamingUrl } from '../../serializers/instance.ts';
import type { RouteGroup } from '../routes.ts';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** Paths that belong to the server: never answered with the app's index.html. */
const SERVER_PREFIXES = ['/api', '/oauth', '/auth', '/settings', '/setup', '/.well-known', '/nodeinfo', '/avatars', '/headers', '/media', '/about', '/assets', '/@'];
/** The app's OAuth redirect target lives under /oauth but is a page of the app. */
const APP_PATHS_UNDER_SERVER_PREFIXES = new Set(['/oauth/callback']);

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export function isAppPath(urlPath: string): boolean {
  if (APP_PATHS_UNDER_SERVER_PREFIXES.has(urlPath.replace(/\/+$/, ''))) return true;
  return !SERVER_PREFIXES.some((p) => urlPath === p || urlPath.startsWith(p === '/@' ? p : `${p}/`));
}

export function appShellCsp(ctx: AppContext): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `connect-src 'self' ${streamingUrl(ctx.config)}`,
    "img-src 'self' data: blob: https:",
    "media-src 'self' blob: https:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The file of web/dist that `relative` names, or null: anything that is not a regular file
 * strictly inside the folder (../, absolute paths, symlinks out, NUL) is refused.
 */
export async function resolveDistFile(distDir: string, relative: string): Promise<{ file: string; size: number; mtimeMs: number } | null> {
  if (relative.includes('\0') || relative.includes('\\')) return null;
  const root = path.resolve(distDir);
  const candidate = path.resolve(root, `.${path.posix.sep}${relative}`);
  if (!candidate.startsWith(root + path.sep)) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!realFile.startsWith(realRoot + path.sep)) return null;
    const st = await stat(realFile);
    return st.isFile() ? { file: realFile, size: st.size, mtimeMs: st.mtimeMs } : null;
  } catch {
    return null;
  }
}

/** Whether the web app is built (web/dist/index.html exists). */
export async function webAppBuilt(ctx: AppContext): Promise<boolean> {
  return (await resolveDistFile(ctx.webDistDir, 'index.html')) !== null;
}

/**
 * Every file of the app carries the app's policy: for a service worker or a web worker script the
 * policy of its own response governs what that worker may fetch (the server's default for other
 * responses, default-src 'none', would cut them off).
 */
function sendDistFile(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, found: { file: string; size: number; mtimeMs: number }, cacheControl: string): FastifyReply {
  reply.header('content-security-policy', appShellCsp(ctx));
  const etag = `"${found.size.toString(16)}-${Math.floor(found.mtimeMs).toString(16)}"`;
  reply.header('cache-control', cacheControl).header('etag', etag);
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply
    .type(MIME[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream')
    .header('content-length', found.size)
    .send(createReadStream(found.file));
}

/**
 * Sends the app's index.html with its Content-Security-Policy; false when the app is not built.
 * (A boolean, not the reply: a Fastify reply is thenable, so awaiting one returned from an async
 * function yields undefined and the caller would answer a second time.)
 */
export async function sendAppShell(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  const index = await resolveDistFile(ctx.webDistDir, 'index.html');
  if (!index) return false;
  // The same URL answers browsers with the app and API clients with JSON.
  const vary = reply.getHeader('vary');
  reply.header('content-security-policy', appShellCsp(ctx)).header('x-frame-options', 'DENY').header('vary', vary ? `${String(vary)}, Accept` : 'Accept');
  sendDistFile(ctx, request, reply, index, REVALIDATE);
  return true;
}

const acceptsHtml = (request: FastifyRequest) => /\btext\/html\b/.test(String(request.headers.accept ?? ''));

export const appShellRoutes: RouteGroup = (app, ctx) => {
  app.get<{ Params: { '*': string } }>('/assets/*', async (request, reply) => {
    const found = await resolveDistFile(ctx.webDistDir, `assets/${request.params['*']}`);
    if (!found) return reply.callNotFound();
    return sendDistFile(ctx, request, reply, found, IMMUTABLE);
  });

  // The service worker at the root scope, so it controls every page of the app.
  app.get('/sw.js', async (request, reply) => {
    const found = await resolveDistFile(ctx.webDistDir, 'sw.js');
    if (!found) return reply.callNotFound();
    reply.header('service-worker-allowed', '/');
    return sendDistFile(ctx, request, reply, found, REVALIDATE);
  });

  // Everything else: another file at the top of web/dist (manifest, icons), or the app's page.
  app.get<{ Params: { '*': string } }>('/*', async (request, reply) => {
    const urlPath = request.url.split('?')[0]!;
    if (!isAppPath(urlPath)) return reply.callNotFound();
    const relative = request.params['*'];
    if (relative && relative !== 'index.html') {
      const found = await resolveDistFile(ctx.webDistDir, relative);
      if (found) return sendDistFile(ctx, request, reply, found, REVALIDATE);
    }
    if (!acceptsHtml(request)) return reply.callNotFound();
    if (await sendAppShell(ctx, request, reply)) return reply;
    return reply.callNotFound();
  });
};
