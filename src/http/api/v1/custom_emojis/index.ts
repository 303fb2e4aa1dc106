// GET /api/v1/custom_emojis: custom emoji come later; clients expect the (empty) array.
import type { RouteGroup } from '../../../routes.ts';

export const customEmojisRoutes: RouteGroup = (app) => {
  app.get('/api/v1/custom_emojis', { config: { auth: { mode: 'none' } } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=180');
    return [] as unknown[];
  });
};
