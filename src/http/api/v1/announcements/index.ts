// GET /api/v1/announcements and the dismiss / reaction endpoints. Admin announcements are not
// authored yet, so every id is unknown.
import type { RouteGroup } from '../../../routes.ts';
import { notFound } from '../../../../domain/errors.ts';

export const announcementsRoutes: RouteGroup = (app) => {
  app.get('/api/v1/announcements', { config: { auth: { mode: 'user' } } }, async () => [] as unknown[]);
  app.post('/api/v1/announcements/:id/dismiss', { config: { auth: { mode: 'user', scope: 'write:accounts' } } }, async () => {
    throw notFound();
  });
  app.put('/api/v1/announcements/:id/reactions/:name', { config: { auth: { mode: 'user', scope: 'write:favourites' } } }, async () => {
    throw notFound();
  });
  app.delete('/api/v1/announcements/:id/reactions/:name', { config: { auth: { mode: 'user', scope: 'write:favourites' } } }, async () => {
    throw notFound();
  });
};
