import type { RouteGroup } from '../../../routes.ts';
import { createReportRoute } from './create.ts';

export const reportsRoutes: RouteGroup = async (app, ctx) => {
  for (const route of [createReportRoute]) await route(app, ctx);
};
