// GET /api/v1/accounts/relationships?id[]=...
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { parseInput, zArray } from '../../../validation.ts';
import { findAccountsByIds } from '../../../../db/repos/accounts.ts';
import { isId } from '../../../../domain/ids.ts';
import { relationshipsFor } from '../../../../services/relationships/relationships.ts';

// Mastodon silently drops ids it does not know rather than failing the batch.
const Query = z.object({ id: zArray(z.string(), 100).optional(), with_suspended: z.unknown().optional() });

export const relationshipsRoute: RouteGroup = (app, ctx) => {
  app.get('/api/v1/accounts/relationships', { config: { auth: { mode: 'user', scope: 'read:follows' } } }, async (request) => {
    const q = parseInput(Query, request.query);
    const ids = [...new Set((q.id ?? []).filter(isId))];
    const knownSet = new Set((await findAccountsByIds(ctx.db, ids)).map((a) => a.id));
    return relationshipsFor(ctx, currentAccount(request).id, ids.filter((id) => knownSet.has(id)));
  });
};
