// Mastodon's /api/v1/admin/domain_blocks: list, show, create, update, delete. Admins only
// (Mastodon's "Manage Federation"). Stored now; they apply when federation comes.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { parseInput, zBool } from '../../../validation.ts';
import { domainBlockPage, findDomainBlock } from '../../../../db/repos/admin-domain-blocks.ts';
import { notFound } from '../../../../domain/errors.ts';
import { changeDomainBlock, createDomainBlock, removeDomainBlock } from '../../../../services/admin/domain-blocks.ts';
import { serializeAdminDomainBlock } from '../../../../serializers/admin-blocks.ts';

const Fields = z.object({
  severity: z.enum(['silence', 'suspend', 'noop'], { message: 'must be silence, suspend or noop' }).optional(),
  reject_media: zBool.optional(),
  reject_reports: zBool.optional(),
  private_comment: z.string().max(2000).nullable().optional(),
  public_comment: z.string().max(2000).nullable().optional(),
  obfuscate: zBool.optional(),
});
const CreateBody = Fields.extend({ domain: z.string().max(300).optional() });

export const adminDomainBlocksRoutes: RouteGroup = (app, ctx) => {
  const read = { config: { auth: { mode: 'user', scope: 'admin:read:domain_blocks', role: 'admin' } as const } };
  const write = { config: { auth: { mode: 'user', scope: 'admin:write:domain_blocks', role: 'admin' } as const } };

  app.get('/api/v1/admin/domain_blocks', read, async (request, reply) => {
    const rows = await domainBlockPage(ctx.db, parsePage(request.query, { limit: 100, max: 200 }));
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.id));
    return rows.map(serializeAdminDomainBlock);
  });

  app.get<{ Params: { id: string } }>('/api/v1/admin/domain_blocks/:id', read, async (request) => {
    const block = await findDomainBlock(ctx.db, request.params.id);
    if (!block) throw notFound();
    return serializeAdminDomainBlock(block);
  });

  app.post('/api/v1/admin/domain_blocks', write, async (request) => {
    const { domain, ...fields } = parseInput(CreateBody, paramsOf(request));
    return serializeAdminDomainBlock(await createDomainBlock(ctx, currentAccount(request), domain, fields));
  });

  app.put<{ Params: { id: string } }>('/api/v1/admin/domain_blocks/:id', write, async (request) => {
    const fields = parseInput(Fields, paramsOf(request));
    return serializeAdminDomainBlock(await changeDomainBlock(ctx, currentAccount(request), request.params.id, fields));
  });

  app.delete<{ Params: { id: string } }>('/api/v1/admin/domain_blocks/:id', write, async (request) => {
    await removeDomainBlock(ctx, currentAccount(request), request.params.id);
    return {};
  });
};
