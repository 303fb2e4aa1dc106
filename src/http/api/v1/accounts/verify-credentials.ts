// GET /api/v1/accounts/verify_credentials: the token's own account, with its source settings.
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { countPendingFollowRequests, findLoginByAccountId } from '../../../../db/repos/users.ts';
import { AppError, unauthorized } from '../../../../domain/errors.ts';
import { scopeAllows } from '../../../../domain/scopes.ts';
import { serializeCredentialAccount } from '../../../../serializers/account.ts';

export const verifyCredentialsRoute: RouteGroup = (app, ctx) => {
  app.get('/api/v1/accounts/verify_credentials', { config: { auth: { mode: 'user' } } }, async (request) => {
    const scopes = request.auth!.scopes;
    // Mastodon 4.4: the "profile" scope grants this endpoint and nothing else.
    if (!scopes.has('profile') && !scopeAllows(scopes, 'read:accounts')) throw new AppError(403, 'This action is outside the authorized scopes');
    const login = await findLoginByAccountId(ctx.db, currentAccount(request).id);
    if (!login) throw unauthorized();
    return serializeCredentialAccount(ctx.config, login.account, login.user, await countPendingFollowRequests(ctx.db, login.account.id));
  });
};
