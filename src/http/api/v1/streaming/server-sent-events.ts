// Server-sent events: one stream per request at /api/v1/streaming/<stream path>, plus the
// health check. Events go out as "event: <name>\ndata: <payload>\n\n"; a comment line every
// 15 s keeps proxies from closing the connection.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RouteGroup } from '../../../routes.ts';
import { AppError } from '../../../../domain/errors.ts';
import { createStreamSession, type StreamSession } from '../../../../services/streaming/stream-session.ts';
import { resolveStream, type StreamName } from '../../../../services/streaming/streams.ts';
import { checkStreamScopes, streamingViewer } from './streaming-auth.ts';

const HEARTBEAT_MS = 15_000;

const PATHS: Record<string, StreamName> = {
  user: 'user',
  'user/notification': 'user:notification',
  public: 'public',
  'public/local': 'public:local',
  'public/remote': 'public:remote',
  hashtag: 'hashtag',
  'hashtag/local': 'hashtag:local',
  list: 'list',
  direct: 'direct',
};

export const streamingSseRoutes: RouteGroup = (app, ctx) => {
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  app.get('/api/v1/streaming/health', { config: { auth: { mode: 'none' } } }, async (_request, reply) => {
    reply.type('text/plain; charset=utf-8');
    return 'OK';
  });

  const serve = async (request: FastifyRequest, reply: FastifyReply, path: string) => {
    const name = PATHS[path];
    if (!name) throw new AppError(400, 'Unknown channel requested');
    const viewer = await streamingViewer(ctx, request);
    const q = request.query as Record<string, unknown>;
    const onlyMedia = q.only_media === 'true' || q.only_media === '1';
    const streamName = onlyMedia && (name === 'public' || name === 'public:local' || name === 'public:remote') ? (`${name}:media` as StreamName) : name;
    const spec = await resolveStream(ctx, viewer, streamName, { tag: q.tag, list: q.list });
    checkStreamScopes(request, spec);

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'private, no-store',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    res.write(':)\n\n');
    const session: StreamSession = createStreamSession(ctx, viewer, (m) => {
      res.write(`event: ${m.event}\ndata: ${m.payload ?? 'undefined'}\n\n`);
    });
    session.subscribe(spec);
    const heartbeat = setInterval(() => res.write(':thump\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const end = () => {
      clearInterval(heartbeat);
      session.close();
      open.delete(end);
      if (!res.writableEnded) res.end();
    };
    open.add(end);
    request.raw.on('close', end);
  };

  const opts = { config: { auth: { mode: 'none' as const } } };
  app.get<{ Params: { '*': string } }>('/api/v1/streaming/*', opts, async (request, reply) => serve(request, reply, request.params['*'].replace(/\/+$/, '')));
};
