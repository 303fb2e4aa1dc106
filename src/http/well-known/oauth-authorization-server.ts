// GET /.well-known/oauth-authorization-server (RFC 8414), in Mastodon 4.3's shape.
import type { RouteGroup } from '../routes.ts';
import { getSetting } from '../../db/repos/settings.ts';
import { GRANULAR_SCOPES, TOP_LEVEL_SCOPES } from '../../domain/scopes.ts';

export const oauthMetadataRoutes: RouteGroup = (app, ctx) => {
  app.get('/.well-known/oauth-authorization-server', async (_request, reply) => {
    const base = ctx.config.baseUrl;
    const passwordGrant = await getSetting(ctx.db, ctx.config, 'password_grant');
    reply.header('cache-control', 'public, max-age=900');
    return {
      issuer: `${base}/`,
      service_documentation: 'https://docs.joinmastodon.org/',
      authorization_endpoint: `${base}/oauth/authorize`,
      token_endpoint: `${base}/oauth/token`,
      app_registration_endpoint: `${base}/api/v1/apps`,
      revocation_endpoint: `${base}/oauth/revoke`,
      userinfo_endpoint: `${base}/oauth/userinfo`,
      scopes_supported: [...TOP_LEVEL_SCOPES, ...GRANULAR_SCOPES],
      response_types_supported: ['code'],
      // Codes go back in the query string only.
      response_modes_supported: ['query'],
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code', ...(passwordGrant ? ['password'] : []), 'client_credentials', 'refresh_token'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    };
  });
};
