// GET /api/v1/accounts/familiar_followers?id[]=: accounts the viewer follows that follow each target.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { parseInput, zArray } from '../../../validation.ts';
import { isId } from '../../../../domain/ids.ts';
import { familiarFollowers } from '../../../../db/repos/follows.ts';
import { accountsInOrder } from '../../../../services/relationships/account-list.ts';

const Query = z.object({ id: zArray(z.string(), 100).optional() });

export const familiarFollowersRoute: RouteGroup = (app, ctx) => {
  app.get('/api/v1/accounts/familiar_followers', { config: { auth: { mode: 'user', scope: 'read:follows' } } }, async (request) => {
    const viewer = currentAccount(request);
    const ids = [...new Set((parseInput(Query, request.query).id ?? []).filter(isId))];
    const pairs = await familiarFollowers(ctx.db, viewer.id, ids);
    const accounts = new Map((await accountsInOrder(ctx, [...new Set(pairs.map((p) => p.account))])).map((a) => [a.id, a]));
    return ids.map((id) => ({
      id,
      accounts: pairs.filter((p) => p.target === id).flatMap((p) => (accounts.has(p.account) ? [accounts.get(p.account)!] : [])),
    }));
  });
};
