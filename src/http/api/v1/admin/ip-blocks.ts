// Mastodon's /api/v1/admin/ip_blocks: IP ranges whose sign-ups are held or refused, or which may
// not reach the server at all. Admins only (Mastodon's "Manage Blocks").
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { parseInput, zInt } from '../../../validation.ts';
import { findIpBlock, ipBlockPage } from '../../../../db/repos/admin-ip-blocks.ts';
import { notFound } from '../../../../domain/errors.ts';
import { changeIpBlock, createIpBlock, removeIpBlock } from '../../../../services/admin/ip-blocks.ts';
import { serializeAdminIpBlock } from '../../../../serializers/admin-blocks.ts';

const Body = z.object({
  ip: z.string().max(100).optional(),
  severity: z.enum(['sign_up_requires_approval', 'sign_up_block', 'no_access'], { message: 'must be sign_up_requires_approval, sign_up_block or no_access' }).optional(),
  comment: z.string().max(2000).nullable().optional(),
  // Up to ten years; empty means never.
  expires_in: z.preprocess((v) => (v === '' ? null : v), zInt(0, 315_360_000).nullable().optional()),
});

export const adminIpBlocksRoutes: RouteGroup = (app, ctx) => {
  const read = { config: { auth: { mode: 'user', scope: 'admin:read:ip_blocks', role: 'admin' } as const } };
  const write = { config: { auth: { mode: 'user', scope: 'admin:write:ip_blocks', role: 'admin' } as const } };

  app.get('/api/v1/admin/ip_blocks', read, async (request, reply) => {
    const rows = await ipBlockPage(ctx.db, parsePage(request.query, { limit: 100, max: 200 }));
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.id));
    return rows.map(serializeAdminIpBlock);
  });

  app.get<{ Params: { id: string } }>('/api/v1/admin/ip_blocks/:id', read, async (request) => {
    const block = await findIpBlock(ctx.db, request.params.id);
    if (!block) throw notFound();
    return serializeAdminIpBlock(block);
  });

  app.post('/api/v1/admin/ip_blocks', write, async (request) => {
    const body = parseInput(Body, paramsOf(request));
    return serializeAdminIpBlock(await createIpBlock(ctx, currentAccount(request), body));
  });

  app.put<{ Params: { id: string } }>('/api/v1/admin/ip_blocks/:id', write, async (request) => {
    const body = parseInput(Body, paramsOf(request));
    return serializeAdminIpBlock(await changeIpBlock(ctx, currentAccount(request), request.params.id, body));
  });

  app.delete<{ Params: { id: string } }>('/api/v1/admin/ip_blocks/:id', write, async (request) => {
    await removeIpBlock(ctx, currentAccount(request), request.params.id);
    return {};
  });
};
