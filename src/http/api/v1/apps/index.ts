import type { RouteGroup } from '../../../routes.ts';
import { createAppRoute } from './create.ts';
import { verifyAppCredentialsRoute } from './verify-credentials.ts';

export const appsRoutes: RouteGroup = async (app, ctx) => {
  for (const route of [createAppRoute, verifyAppCredentialsRoute]) await route(app, ctx);
};
