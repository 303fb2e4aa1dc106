// GET /api/v1/accounts?id[]=: several accounts at once (Mastodon 4.3). Unknown ids are left out;
// the rest come back in the order asked for.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { parseInput, zArray } from '../../../validation.ts';
import { findAccountsByIds } from '../../../../db/repos/accounts.ts';
import { isId } from '../../../../domain/ids.ts';
import { serializeAccount } from '../../../../serializers/account.ts';

const Many = z.object({ id: zArray(z.string().max(100), 40).optional() });

export const getAccountsRoute: RouteGroup = (app, ctx) => {
  app.get('/api/v1/accounts', { config: { auth: { mode: 'public', scope: 'read:accounts' } } }, async (request) => {
    const ids = [...new Set((parseInput(Many, request.query).id ?? []).filter(isId))];
    const byId = new Map((await findAccountsByIds(ctx.db, ids)).map((a) => [a.id, a]));
    return ids.flatMap((id) => {
      const account = byId.get(id);
      return account ? [serializeAccount(ctx.config, account)] : [];
    });
  });
};
