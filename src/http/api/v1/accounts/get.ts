// GET /api/v1/accounts/:id
import type { RouteGroup } from '../../../routes.ts';
import { findLocalAccountForView } from '../../../../db/repos/users.ts';
import { notFound } from '../../../../domain/errors.ts';
import { isId } from '../../../../domain/ids.ts';
import { serializeAccount } from '../../../../serializers/account.ts';

export const getAccountRoute: RouteGroup = (app, ctx) => {
  app.get<{ Params: { id: string } }>('/api/v1/accounts/:id', { config: { auth: { mode: 'public', scope: 'read:accounts' } } }, async (request) => {
    const id = request.params.id;
    const account = isId(id) ? await findLocalAccountForView(ctx.db, { id }) : undefined;
    if (!account) throw notFound();
    return serializeAccount(ctx.config, account);
  });
};
