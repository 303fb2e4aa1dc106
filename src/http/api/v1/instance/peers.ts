// GET /api/v1/instance/peers: the domains this server knows; none until federation exists.
import type { RouteGroup } from '../../../routes.ts';

export const instancePeersRoute: RouteGroup = (app) => {
  app.get('/api/v1/instance/peers', { config: { auth: { mode: 'none' } } }, async () => [] as string[]);
};
