// POST /oauth/revoke: revokes a token of the calling client (RFC 7009); always {} on success.
import type { RouteGroup } from '../routes.ts';
import { paramsOf } from '../plugins/body.ts';
import { authenticateClient, basicCredentials } from '../../services/oauth/client-auth.ts';
import { revokeClientToken } from '../../services/oauth/revoke-token.ts';
import { oauthError } from '../../services/oauth/oauth-error.ts';

export const revokeRoutes: RouteGroup = (app, ctx) => {
  app.post('/oauth/revoke', async (request) => {
    const p = paramsOf(request) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const client = await authenticateClient(ctx, basicCredentials(request.headers.authorization) ?? { clientId: str(p.client_id), clientSecret: str(p.client_secret) });
    const token = str(p.token);
    if (!token) throw oauthError('invalid_request', 'Missing required parameter: token.');
    await revokeClientToken(ctx, client, token);
    return {};
  });
};
