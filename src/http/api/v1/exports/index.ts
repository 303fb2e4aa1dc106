// Account archives and CSV exports (Parley-specific: Mastodon offers these on its settings pages only).
import type { RouteGroup } from '../../../routes.ts';
import { csvExportRoutes } from './csv.ts';
import { downloadExportRoute } from './download.ts';
import { requestExportRoutes } from './request.ts';

export const exportsRoutes: RouteGroup = async (app, ctx) => {
  await requestExportRoutes(app, ctx);
  await downloadExportRoute(app, ctx);
  await csvExportRoutes(app, ctx);
};
