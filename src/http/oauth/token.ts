// POST /oauth/token: authorization_code, refresh_token, password and client_credentials grants.
import type { RouteGroup } from '../routes.ts';
import { paramsOf } from '../plugins/body.ts';
import { authenticateClient, basicCredentials } from '../../services/oauth/client-auth.ts';
import { exchangeToken } from '../../services/oauth/exchange-token.ts';
import { tokenResponse } from '../../services/oauth/token-response.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export const tokenRoutes: RouteGroup = (app, ctx) => {
  app.post('/oauth/token', async (request, reply) => {
    const p = paramsOf(request) as Record<string, unknown>;
    const basic = basicCredentials(request.headers.authorization);
    const client = await authenticateClient(ctx, basic ?? { clientId: str(p.client_id), clientSecret: str(p.client_secret) });
    const issued = await exchangeToken(ctx, client, {
      grantType: str(p.grant_type),
      code: str(p.code),
      redirectUri: str(p.redirect_uri),
      codeVerifier: str(p.code_verifier),
      refreshToken: str(p.refresh_token),
      username: str(p.username),
      password: str(p.password),
      scope: str(p.scope) ?? str(p.scopes),
    });
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    return tokenResponse(issued);
  });
};
