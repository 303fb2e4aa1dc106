// Parley-specific API (not in Mastodon's): the account's security settings.
import type { RouteGroup } from '../../../routes.ts';
import { passkeysRoutes } from './passkeys.ts';
import { sessionsRoutes } from './sessions.ts';
import { twoFactorRoutes } from './two-factor.ts';
import { invitesRoutes } from './invites.ts';

export const parleySecurityRoutes: RouteGroup = async (app, ctx) => {
  for (const route of [twoFactorRoutes, sessionsRoutes, passkeysRoutes, invitesRoutes]) await route(app, ctx);
};
