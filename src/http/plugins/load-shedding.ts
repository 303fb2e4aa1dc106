// Load shedding: when the process is hard-pressed (src/infra/load/load-monitor.ts), refuse the
// requests that matter least first, so people who are signed in keep being served. Level 1
// refuses anonymous requests for content; level 2 also refuses the expensive requests of
// signed-in people. A refused request gets 503 with Retry-After before any work is done on it
// (this hook runs first: no body read, no database).
//
// What is never shed: what a person needs to sign in (instance info, app registration, OAuth
// and the sign-in pages), the web app's static files, and health checks. Telling a signed-in
// request apart must cost nothing, so presence of credentials is enough here; a forged token
// gets past this hook but is refused by authentication and counted by the rate limits.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { SESSION_COOKIE } from '../web/session.ts';

const RETRY_AFTER_SECONDS = { 1: 10, 2: 30 } as const;

/** Path prefixes of content that anonymous visitors read: shed first. */
const ANONYMOUS_SHEDDABLE = ['/api/', '/@', '/users/', '/tags/', '/nodeinfo', '/.well-known/webfinger', '/about/transparency'];

/** Served to anyone at any level: signing in, and knowing the server is there. */
const NEVER_SHED = ['/api/v1/instance', '/api/v2/instance', '/api/v1/apps', '/api/v1/streaming/health', '/oauth/', '/auth/'];

/** Signed-in requests that cost far more than a timeline page: refused at level 2. */
const EXPENSIVE: { method: string; prefix: string }[] = [
  { method: 'GET', prefix: '/api/v2/search' },
  { method: 'GET', prefix: '/api/v1/accounts/search' },
  { method: 'GET', prefix: '/api/v1/directory' },
  { method: 'POST', prefix: '/api/v1/media' },
  { method: 'POST', prefix: '/api/v2/media' },
  { method: 'POST', prefix: '/api/v1/exports' },
  { method: 'POST', prefix: '/api/v1/imports' },
  { method: 'GET', prefix: '/api/v1/admin/measures' },
  { method: 'POST', prefix: '/api/v1/admin/measures' },
  { method: 'POST', prefix: '/api/v1/admin/dimensions' },
  { method: 'POST', prefix: '/api/v1/admin/retention' },
];

function hasCredentials(request: FastifyRequest): boolean {
  if (request.headers.authorization) return true;
  if (request.url.includes('access_token=')) return true;
  return (request.headers.cookie ?? '').includes(`${SESSION_COOKIE}=`);
}

export function shouldShed(level: 0 | 1 | 2, request: Pick<FastifyRequest, 'method' | 'url'> & { signedIn: boolean }): boolean {
  if (level === 0) return false;
  const path = request.url.split('?')[0]!;
  // An entry ending in / is a prefix; any other is a path and everything beneath it.
  if (NEVER_SHED.some((p) => (p.endsWith('/') ? path.startsWith(p) : path === p || path.startsWith(`${p}/`)))) return false;
  if (!request.signedIn) return ANONYMOUS_SHEDDABLE.some((p) => path.startsWith(p));
  return level === 2 && EXPENSIVE.some((e) => e.method === request.method && path.startsWith(e.prefix));
}

/**
 * The refusal, serialised once. Answered straight from the hook rather than thrown to the error
 * handler: under a flood every refusal costs the server as much as the work it saves, and
 * building an Error (its stack trace), a rejected promise and a second serialisation per request
 * made a refusal cost three times a bare Fastify answer (bench/flood.ts). Same shape as every
 * other error ({"error": ...}, src/http/plugins/errors.ts).
 */
const REFUSAL = JSON.stringify({ error: 'The server is too busy right now; please try again shortly' });

export function registerLoadShedding(app: FastifyInstance, ctx: AppContext): void {
  let shed = 0;
  let loggedLevel = 0;
  // A callback hook, not an async one: no promise for each of the many requests that pass.
  app.addHook('onRequest', (request, reply, done) => {
    const held = ctx.load.level();
    if (held !== loggedLevel) {
      ctx.log.warn({ level: held, ...ctx.load.last(), shedSinceLastChange: shed }, held > loggedLevel ? 'under pressure: shedding requests' : 'pressure eased');
      loggedLevel = held;
      shed = 0;
    }
    // Usually the level held; while it is let go, still the raised one for some requests.
    const level = ctx.load.pressure();
    if (!shouldShed(level, { method: request.method, url: request.url, signedIn: hasCredentials(request) })) {
      done();
      return;
    }
    shed++;
    // Not calling done() ends the hook chain: the answer is sent as it is.
    reply
      .code(503)
      .header('retry-after', String(RETRY_AFTER_SECONDS[level as 1 | 2]))
      .type('application/json; charset=utf-8')
      .send(REFUSAL);
  });
}
