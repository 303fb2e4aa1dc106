// POST /oauth/token: authorization_code, refresh_token, password and client_credentials grants.
// The device that asked is recorded on the new token for the sessions list in settings.
import type { RouteGroup } from '../routes.ts';
import { paramsOf } from '../plugins/body.ts';
import { requestClient } from '../web/session.ts';
import { authenticateClient, basicCredentials } from '../../services/oauth/client-auth.ts';
import { exchangeToken } from '../../services/oauth/exchange-token.ts';
import { INVALID_GRANT, oauthError } from '../../services/oauth/oauth-error.ts';
import { tokenResponse } from '../../services/oauth/token-response.ts';
import { rememberTokenClient } from '../../services/auth/sessions-list.ts';
import { passwordGrantNeedsSecondFactor } from '../../services/auth/two-factor-sign-in.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export const tokenRoutes: RouteGroup = (app, ctx) => {
  app.post('/oauth/token', async (request, reply) => {
    const p = paramsOf(request) as Record<string, unknown>;
    const basic = basicCredentials(request.headers.authorization);
    const client = await authenticateClient(ctx, basic ?? { clientId: str(p.client_id), clientSecret: str(p.client_secret) });
    // A password cannot carry a second factor: two-factor logins sign in through /oauth/authorize.
    if (str(p.grant_type) === 'password' && (await passwordGrantNeedsSecondFactor(ctx, str(p.username), str(p.password)))) {
      throw oauthError('invalid_grant', INVALID_GRANT);
    }
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
    if (issued.row.account_id) await rememberTokenClient(ctx, issued.row.id, requestClient(request));
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    return tokenResponse(issued);
  });
};
