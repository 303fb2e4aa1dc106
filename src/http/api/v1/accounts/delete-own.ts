// POST /api/v1/accounts/delete {password}: a person deletes their own account (the route and
// parameter GoToSocial uses; Mastodon offers this only in its web interface). 202: the account
// is closed now and erased in the background.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput } from '../../../validation.ts';
import { deleteOwnAccount } from '../../../../services/accounts/delete-own-account.ts';

const Body = z.object({ password: z.string().min(1).max(1000) });

export const deleteOwnAccountRoute: RouteGroup = (app, ctx) => {
  app.post('/api/v1/accounts/delete', { config: { auth: { mode: 'user', scope: 'write:accounts' } } }, async (request, reply) => {
    const b = parseInput(Body, paramsOf(request));
    await deleteOwnAccount(ctx, currentAccount(request), b.password);
    return reply.status(202).send({});
  });
};
