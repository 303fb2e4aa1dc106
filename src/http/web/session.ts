// Cookies and CSRF protection of the server-rendered pages. Signed-in forms carry the session's
// CSRF secret; anonymous forms (sign-in, sign-up, setup) use a double-submit cookie.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { randomSecret, safeEqual, sha256 } from '../../domain/secrets.ts';
import { clientInfo, resolveWebSession, type ClientInfo, type WebSession } from '../../services/auth/web-sessions.ts';

export const SESSION_COOKIE = 'parley_session';
const CSRF_COOKIE = 'parley_csrf';

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

export function setCookie(ctx: AppContext, reply: FastifyReply, name: string, value: string, maxAgeSeconds: number): void {
  const secure = ctx.config.baseUrl.startsWith('https:') ? '; Secure' : '';
  const cookie = `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
  const existing = reply.getHeader('set-cookie');
  const list = existing === undefined ? [] : Array.isArray(existing) ? existing.map(String) : [String(existing)];
  reply.header('set-cookie', [...list, cookie]);
}

export function webSessionOf(ctx: AppContext, request: FastifyRequest): Promise<WebSession | null> {
  return resolveWebSession(ctx, readCookie(request, SESSION_COOKIE));
}

/** The stored id of the session cookie the request carries (unchecked): marks "this device" in the sessions list. */
export function webSessionIdOf(request: FastifyRequest): string | null {
  const value = readCookie(request, SESSION_COOKIE);
  return value ? sha256(value) : null;
}

/** The browser and address a request comes from (behind a proxy, the forwarded address). */
export function requestClient(request: FastifyRequest): ClientInfo {
  return clientInfo(request.headers['user-agent'], request.ip);
}

/** The CSRF token to put in a form. */
export function csrfToken(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, session: WebSession | null): string {
  if (session) return session.session.csrf_secret;
  let token = readCookie(request, CSRF_COOKIE);
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
    token = randomSecret();
    setCookie(ctx, reply, CSRF_COOKIE, token, 86_400);
  }
  return token;
}

export function csrfValid(request: FastifyRequest, session: WebSession | null, submitted: unknown): boolean {
  const expected = session ? session.session.csrf_secret : readCookie(request, CSRF_COOKIE);
  return typeof submitted === 'string' && !!expected && safeEqual(submitted, expected);
}

/**
 * Only same-site paths: an attacker must not be able to bounce people elsewhere after sign-in.
 * No control characters at all: browsers drop tabs and newlines from a URL before reading it,
 * so "/<tab>/evil.example" would arrive as "//evil.example", another site.
 */
export function safeReturnTo(value: unknown, fallback = '/settings/applications'): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) && !hasControlCharacter(value) ? value : fallback;
}

const hasControlCharacter = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f');

export function formBody(request: FastifyRequest): Record<string, unknown> {
  const b = request.body;
  return b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
}

export const field = (body: Record<string, unknown>, name: string): string => {
  const v = body[name];
  return typeof v === 'string' ? v : '';
};
