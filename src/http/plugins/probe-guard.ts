// Slows down clients that probe for ids. Parley's ids cannot be enumerated (src/domain/ids.ts),
// but a scraper can still try many guesses; a person almost never asks for many things that do
// not exist. Every 404 of a route that names something by id or name counts against the
// client (its account when signed in, else its address, IPv6 by /64). Past a soft limit each
// further miss is answered late, a little later each time; past the hard limit misses are
// refused with 429 until the window ends. Found things are never slowed, so a person who
// followed a few dead links is not punished. Part of the rate limits: off when they are off.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { tooManyRequests } from '../../domain/errors.ts';
import { allowListMatcher, throttleIp } from '../../infra/rate-limit/client-ip.ts';

export const PROBE_WINDOW_MS = 10 * 60_000;
/** Misses per window before answers slow down, and before they are refused. */
export const PROBE_SOFT_LIMIT = 30;
export const PROBE_HARD_LIMIT = 120;
const STEP_MS = 100;
const MAX_DELAY_MS = 3000;

/** Whether a route takes an id or a name from its path (`:id`, `:username`, `@:username`...). */
const namesSomething = (request: FastifyRequest) => (request.routeOptions.url ?? '').includes(':');

export function probeDelayMs(misses: number): number {
  return misses <= PROBE_SOFT_LIMIT ? 0 : Math.min(MAX_DELAY_MS, (misses - PROBE_SOFT_LIMIT) * STEP_MS);
}

export function registerProbeGuard(app: FastifyInstance, ctx: AppContext): void {
  if (!ctx.config.rateLimits.enabled) return;
  const allowed = allowListMatcher(ctx.config.rateLimits.allow);
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 404 || !namesSomething(request) || allowed(request.ip)) return payload;
    const who = request.auth?.account ? `account:${request.auth.account.id}` : `ip:${throttleIp(request.ip)}`;
    const nowMs = ctx.clock.now().getTime();
    const { count, resetAtMs } = await ctx.rateLimits.hit(`probe:${who}`, PROBE_WINDOW_MS, nowMs);
    if (count > PROBE_HARD_LIMIT) {
      if (count === PROBE_HARD_LIMIT + 1) ctx.log.warn({ who: who.startsWith('ip:') ? 'address' : who, misses: count }, 'client probing for ids refused until its window ends');
      // onSend cannot throw into the error handler; the answer is rewritten in Mastodon's shape.
      const err = tooManyRequests(Math.max(1, Math.ceil((resetAtMs - nowMs) / 1000)));
      reply.code(err.status).headers(err.headers ?? {}).type('application/json; charset=utf-8');
      return JSON.stringify({ error: err.publicMessage });
    }
    const delay = probeDelayMs(count);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    return payload;
  });
}
