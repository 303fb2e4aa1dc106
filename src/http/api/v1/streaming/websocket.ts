// The multiplexed WebSocket at /api/v1/streaming: streams chosen by the `stream` parameter
// and by {"type": "subscribe" | "unsubscribe", "stream", "tag", "list"} messages.
import type { RouteGroup } from '../../../routes.ts';
import { AppError } from '../../../../domain/errors.ts';
import { createStreamSession } from '../../../../services/streaming/stream-session.ts';
import { resolveStream } from '../../../../services/streaming/streams.ts';
import { checkStreamScopes, streamingViewer } from './streaming-auth.ts';

const HEARTBEAT_MS = 15_000;

function errorJson(err: unknown): string {
  if (err instanceof AppError) return JSON.stringify({ error: err.publicMessage, status: err.status });
  return JSON.stringify({ error: 'Internal server error', status: 500 });
}

export const streamingWebSocketRoute: RouteGroup = (app, ctx) => {
  app.get(
    '/api/v1/streaming',
    {
      websocket: true,
      config: { auth: { mode: 'none' } },
      // Refuse before the upgrade, with an HTTP status, like Mastodon's streaming server.
      preHandler: async (request) => {
        await streamingViewer(ctx, request);
      },
    },
    async (socket, request) => {
      const viewer = await streamingViewer(ctx, request);
      const session = createStreamSession(ctx, viewer, (m) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(m));
      });
      const heartbeat = setInterval(() => socket.ping(), HEARTBEAT_MS);
      heartbeat.unref();
      socket.on('close', () => {
        clearInterval(heartbeat);
        session.close();
      });

      const subscribe = async (stream: unknown, params: { tag?: unknown; list?: unknown }) => {
        const spec = await resolveStream(ctx, viewer, typeof stream === 'string' ? stream : '', params);
        checkStreamScopes(request, spec);
        session.subscribe(spec);
      };

      socket.on('message', (data: Buffer) => {
        void (async () => {
          try {
            let msg: unknown;
            try {
              msg = JSON.parse(data.toString());
            } catch {
              throw new AppError(400, 'Could not parse message');
            }
            if (!msg || typeof msg !== 'object') throw new AppError(400, 'Could not parse message');
            const { type, stream, tag, list } = msg as Record<string, unknown>;
            if (type === 'subscribe') await subscribe(stream, { tag, list });
            else if (type === 'unsubscribe') {
              const spec = await resolveStream(ctx, viewer, typeof stream === 'string' ? stream : '', { tag, list });
              session.unsubscribe(spec.key);
            } else throw new AppError(400, 'Unknown message type');
          } catch (err) {
            if (socket.readyState === socket.OPEN) socket.send(errorJson(err));
          }
        })();
      });

      const q = request.query as Record<string, unknown>;
      if (q.stream !== undefined) {
        try {
          await subscribe(q.stream, { tag: q.tag, list: q.list });
        } catch (err) {
          socket.send(errorJson(err));
          socket.close(1008, 'Invalid stream');
        }
      }
    },
  );
};
