// GET /api/v1/instance/translation_languages: no translation service is configured.
import type { RouteGroup } from '../../../routes.ts';

export const instanceTranslationLanguagesRoute: RouteGroup = (app) => {
  app.get('/api/v1/instance/translation_languages', { config: { auth: { mode: 'none' } } }, async () => ({}) as Record<string, string[]>);
};
