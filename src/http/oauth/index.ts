import type { RouteGroup } from '../routes.ts';
import { oauthMetadataRoutes } from '../well-known/oauth-authorization-server.ts';
import { authorizeRoutes } from './authorize.ts';
import { revokeRoutes } from './revoke.ts';
import { tokenRoutes } from './token.ts';
import { userinfoRoutes } from './userinfo.ts';

export const oauthRoutes: RouteGroup = async (app, ctx) => {
  for (const route of [authorizeRoutes, tokenRoutes, revokeRoutes, userinfoRoutes, oauthMetadataRoutes]) await route(app, ctx);
};
