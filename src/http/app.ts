// Builds the Fastify application: plugins in a fixed order, then every route.
import cors from '@fastify/cors';
import websocket from '@fastify/websocket';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerBodyParsing } from './plugins/body.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerIpBlocks } from './plugins/ip-blocks.ts';
import { parseQueryString } from './plugins/nested-params.ts';
import { registerRateLimits } from './plugins/rate-limit.ts';
import { registerLoadShedding } from './plugins/load-shedding.ts';
import { registerProbeGuard } from './plugins/probe-guard.ts';
import { registerRoutes } from './routes.ts';

export interface RouteInfo {
  method: string;
  url: string;
  websocket: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    parleyRoutes: RouteInfo[];
  }
}

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    // Per-request lines only when debugging: they are noise at info level and cost time.
    logController: new LogController({ disableRequestLogging: ctx.config.logLevel !== 'debug' && ctx.config.logLevel !== 'trace' }),
    bodyLimit: 1024 * 1024,
    // Only the configured proxies may name the client (X-Forwarded-For); see config.trustedProxies.
    trustProxy: ctx.config.trustedProxies,
    routerOptions: { querystringParser: (qs) => parseQueryString(qs), ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  registerErrorHandling(app);
  // First of all: a request refused for load must cost nothing.
  registerLoadShedding(app, ctx);
  registerIpBlocks(app, ctx);
  // The route table, for the test that sends bad input to every route and for docs.
  const routes: RouteInfo[] = [];
  app.decorate('parleyRoutes', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, websocket: route.websocket === true });
  });
  await app.register(cors, {
    // Mastodon's API is meant for browser clients on other origins (Elk, Phanpy): allow them, without cookies.
    origin: true,
    credentials: false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    exposedHeaders: ['Link', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'Retry-After'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Accept'],
  });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await registerBodyParsing(app, { fileBytes: Math.max(ctx.config.media.imageBytes, ctx.config.media.videoBytes), uploadDir: ctx.config.media.incomingDir });
  // After IP blocks (a blocked address costs nothing) and body parsing (its second hook reads
  // submitted names), before authentication (a bad token still counts against its address).
  await registerRateLimits(app, ctx);
  registerAuth(app, ctx);
  registerProbeGuard(app, ctx);
  const https = ctx.config.baseUrl.startsWith('https:');
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    // Pages and the app shell set their own policy; everything else (JSON, files, errors) is
    // data that no browser should run or frame.
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    if (!reply.hasHeader('x-frame-options')) reply.header('x-frame-options', 'DENY');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    if (https) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    return payload;
  });
  await registerRoutes(app, ctx);
  return app;
}
