// GET /api/v1/accounts/lookup?acct=: a local account by its handle, without a search.
import type { RouteGroup } from '../../../routes.ts';
import { findLocalAccountForView } from '../../../../db/repos/users.ts';
import { notFound } from '../../../../domain/errors.ts';
import { serializeAccount } from '../../../../serializers/account.ts';

export const lookupAccountRoute: RouteGroup = (app, ctx) => {
  app.get('/api/v1/accounts/lookup', { config: { auth: { mode: 'public', scope: 'read:accounts' } } }, async (request) => {
    const acct = (request.query as Record<string, unknown>).acct;
    if (typeof acct !== 'string' || !acct.trim()) throw notFound();
    const [username, domain] = acct.trim().replace(/^@/, '').split('@');
    const local = ctx.config.domain;
    // Only this server's accounts exist until federation arrives.
    if (!username || (domain !== undefined && domain.toLowerCase() !== local && domain.toLowerCase() !== local.split(':')[0])) throw notFound();
    const account = await findLocalAccountForView(ctx.db, { usernameLower: username.toLowerCase() });
    if (!account) throw notFound();
    return serializeAccount(ctx.config, account);
  });
};
