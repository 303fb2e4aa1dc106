// GET /api/v1/directory (offset, limit, order active|new, local)
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { parseInput, zBool, zInt } from '../../../validation.ts';
import { directoryAccounts } from '../../../../db/repos/directory.ts';
import { serializeAccount } from '../../../../serializers/account.ts';

const Query = z.object({ offset: zInt(0, 100_000).optional(), limit: zInt(1, 1000).optional(), order: z.enum(['active', 'new']).optional(), local: zBool.optional() });

export const directoryRoutes: RouteGroup = (app, ctx) => {
  app.get('/api/v1/directory', { config: { auth: { mode: 'public' } } }, async (request) => {
    const q = parseInput(Query, request.query);
    const rows = await directoryAccounts(ctx.db, { order: q.order ?? 'active', offset: q.offset ?? 0, limit: Math.min(q.limit ?? 40, 80) });
    return rows.map((a) => serializeAccount(ctx.config, a));
  });
};
