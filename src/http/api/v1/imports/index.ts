// CSV imports (Parley-specific: Mastodon offers them on its settings pages only).
import type { RouteGroup } from '../../../routes.ts';
import { createImportRoute } from './create.ts';
import { showImportRoutes } from './show.ts';

export const importsRoutes: RouteGroup = async (app, ctx) => {
  await createImportRoute(app, ctx);
  await showImportRoutes(app, ctx);
};
