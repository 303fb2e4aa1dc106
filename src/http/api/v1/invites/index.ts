import type { RouteGroup } from '../../../routes.ts';
import { inviteShowRoute } from './show.ts';

export const mastodonInvitesRoutes: RouteGroup = async (app, ctx) => {
  await inviteShowRoute(app, ctx);
};
