// GET/POST /oauth/userinfo (Mastodon 4.4): OpenID-style facts about the token's account.
import type { RouteGroup } from '../routes.ts';
import { currentAccount } from '../plugins/auth.ts';
import { AppError } from '../../domain/errors.ts';
import { scopeAllows } from '../../domain/scopes.ts';
import { serializeAccount } from '../../serializers/account.ts';

export const userinfoRoutes: RouteGroup = (app, ctx) => {
  for (const method of ['GET', 'POST'] as const) {
    app.route({
      method,
      url: '/oauth/userinfo',
      config: { auth: { mode: 'user' } },
      handler: async (request) => {
        const scopes = request.auth!.scopes;
        if (!scopes.has('profile') && !scopeAllows(scopes, 'read:accounts')) throw new AppError(403, 'This action is outside the authorized scopes');
        const account = serializeAccount(ctx.config, currentAccount(request));
        return {
          iss: `${ctx.config.baseUrl}/`,
          sub: account.uri,
          name: account.display_name || account.username,
          preferred_username: account.username,
          profile: account.url,
          picture: account.avatar,
        };
      },
    });
  }
};
