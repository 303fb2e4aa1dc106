// Throttles in Mastodon's manner (its rack-attack rules; which request counts against what is in
// src/infra/rate-limit/throttles.ts): a limited request's answer carries X-RateLimit-Limit,
// -Remaining and -Reset (ISO 8601) of its tightest throttle; past a limit the answer is 429
// {"error":"Too many requests"} with Retry-After in seconds.
//
// Counting happens in two hooks. onRequest runs before the body is read, so a throttled upload
// is refused without receiving it; it needs to know whose token this is before the auth plugin
// runs (a request with an invalid token must count against its address, or inventing tokens
// would bypass the per-address limit), so it resolves the token itself, cached for a minute.
// preValidation runs once the body is parsed, for throttles keyed by a submitted name.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../domain/errors.ts';
import { sha256 } from '../../domain/secrets.ts';
import { Lru } from '../../infra/lru.ts';
import { allowListMatcher, throttleIp } from '../../infra/rate-limit/client-ip.ts';
import { throttlesFor, type ThrottleHit, type ThrottlePhase } from '../../infra/rate-limit/throttles.ts';
import { authenticate } from '../../services/auth/authenticate.ts';
import { checkProof, proofRequired } from '../../services/abuse/proof-of-work.ts';
import { bearerToken } from './auth.ts';
import { paramsOf } from './body.ts';

const TOKEN_CACHE_MS = 60_000;
/** Where a client gets a challenge: never itself behind a proof. */
export const PROOF_OF_WORK_ROUTE = '/api/v1/parley/proof_of_work';
const TOKEN_CACHE_SIZE = 10_000;
/** The refusal, serialised once: the same answer tooManyRequests() gives through the error handler. */
const TOO_MANY = JSON.stringify({ error: 'Too many requests' });

interface Outcome {
  limit: number;
  remaining: number;
  resetAtMs: number;
}

export async function registerRateLimits(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const settings = ctx.config.rateLimits;
  if (!settings.enabled) return;
  await ctx.rateLimits.ready();
  const allowed = allowListMatcher(settings.allow);
  const accountOf = tokenAccountResolver(ctx);
  // The tightest throttle seen so far per request: the second hook only replaces it if tighter.
  const shown = new WeakMap<FastifyRequest, Outcome>();

  /** Counts the request; the seconds to wait when a limit is exceeded, else null. */
  const count = async (phase: ThrottlePhase, request: FastifyRequest, reply: FastifyReply): Promise<number | null> => {
    // CORS preflights are answered before Mastodon's throttles too; allow-listed addresses never count.
    if (request.method === 'OPTIONS' || allowed(request.ip)) return null;
    // The route's pattern, or the path itself for the catch-all route (unknown API paths count too).
    const pattern = request.routeOptions.url;
    const route = pattern && !pattern.includes('*') ? pattern : request.url.split('?')[0]!;
    const accountId = phase === 'request' && route.startsWith('/api/') ? await accountOf(request) : null;
    const hits = throttlesFor(phase, { method: request.method, route, ip: throttleIp(request.ip), accountId, params: phase === 'body' ? paramsOf(request) : {} });
    if (hits.length === 0) return null;
    const nowMs = ctx.clock.now().getTime();
    const outcomes = await Promise.all(hits.map((h) => hit(ctx, h, nowMs)));
    const exceeded = outcomes.filter((o) => o.remaining < 0);
    if (exceeded.length > 0) {
      // Several throttles exceeded: the client may retry once the last of them has reset.
      const worst = exceeded.reduce((a, b) => (b.resetAtMs > a.resetAtMs ? b : a));
      setHeaders(reply, { ...worst, remaining: 0 });
      return Math.max(1, Math.ceil((worst.resetAtMs - nowMs) / 1000));
    }
    // Past the soft quota an anonymous client must show a proof of work (src/services/abuse/).
    const anonymous = hits.findIndex((h) => h.group === 'api_ip');
    if (anonymous >= 0 && settings.proofAfter > 0 && route !== PROOF_OF_WORK_ROUTE) {
      const used = outcomes[anonymous]!.limit - outcomes[anonymous]!.remaining;
      if (used > settings.proofAfter) {
        const client = throttleIp(request.ip);
        const proof = request.headers['x-parley-proof'];
        const problem = await checkProof(ctx, 'api', typeof proof === 'string' ? proof : null, client);
        if (problem) throw await proofRequired(ctx, problem, client);
      }
    }
    const tightest = outcomes.reduce((a, b) => (b.remaining < a.remaining ? b : a));
    const before = shown.get(request);
    if (before && before.remaining <= tightest.remaining) return null;
    shown.set(request, tightest);
    setHeaders(reply, tightest);
    return null;
  };

  // A refusal is sent from the hook rather than thrown to the error handler: a flood is answered
  // 429 thousands of times a second, and building an Error (its stack trace) and serialising the
  // answer again made each refusal cost about a quarter more CPU (bench/flood.ts). Not calling
  // done() ends the request there. Other errors (a proof of work required) go the usual way.
  const hook = (phase: ThrottlePhase) => (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    count(phase, request, reply).then((retryAfter) => {
      if (retryAfter === null) done();
      else reply.code(429).header('retry-after', String(retryAfter)).type('application/json; charset=utf-8').send(TOO_MANY);
    }, done);
  };
  app.addHook('onRequest', hook('request'));
  app.addHook('preValidation', hook('body'));
}

async function hit(ctx: AppContext, h: ThrottleHit, nowMs: number): Promise<Outcome> {
  const { limit, windowSeconds } = ctx.config.rateLimits.limits[h.group];
  const { count, resetAtMs } = await ctx.rateLimits.hit(h.key, windowSeconds * 1000, nowMs);
  // Negative once exceeded: the caller answers 429.
  return { limit, remaining: limit - count, resetAtMs };
}

function setHeaders(reply: FastifyReply, o: Outcome): void {
  reply.header('x-ratelimit-limit', String(o.limit));
  reply.header('x-ratelimit-remaining', String(Math.max(0, o.remaining)));
  reply.header('x-ratelimit-reset', new Date(o.resetAtMs).toISOString());
}

/**
 * The account a request's token belongs to, or null (no token, an app-only or invalid token).
 * Cached by the token's hash, so a client's steady stream of requests costs no extra query; a
 * revoked token may count against its account for up to a minute, which only moves its requests
 * from one counter to another: the auth plugin still refuses them.
 */
function tokenAccountResolver(ctx: AppContext): (request: FastifyRequest) => Promise<string | null> {
  const cache = new Lru<string, { accountId: string | null; untilMs: number }>(TOKEN_CACHE_SIZE);
  return async (request) => {
    const token = bearerToken(request);
    if (!token) return null;
    const key = sha256(token);
    const nowMs = performance.now();
    const cached = cache.get(key);
    if (cached && cached.untilMs > nowMs) return cached.accountId;
    let accountId: string | null = null;
    try {
      accountId = (await authenticate(ctx, token, { allowUnconfirmed: true, allowSanctioned: true })).account?.id ?? null;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
    cache.set(key, { accountId, untilMs: nowMs + TOKEN_CACHE_MS });
    return accountId;
  };
}
