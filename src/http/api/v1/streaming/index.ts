import type { RouteGroup } from '../../../routes.ts';
import { streamingSseRoutes } from './server-sent-events.ts';
import { streamingWebSocketRoute } from './websocket.ts';

export const streamingRoutes: RouteGroup = async (app, ctx) => {
  await streamingWebSocketRoute(app, ctx);
  await streamingSseRoutes(app, ctx);
};
