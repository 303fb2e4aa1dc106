// GET /api/v1/instance/languages: [{code, name}] of the languages posts may be written in.
import type { RouteGroup } from '../../../routes.ts';
import { supportedLanguages } from '../../../../services/instance/languages.ts';

export const instanceLanguagesRoute: RouteGroup = (app) => {
  app.get('/api/v1/instance/languages', { config: { auth: { mode: 'none' } } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=86400');
    return supportedLanguages();
  });
};
