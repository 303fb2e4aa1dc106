// Mastodon's /api/v1/admin/domain_allows: the domains allowed to federate in allow-list mode.
// Admins only. Stored now; they apply when federation comes.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { parseInput } from '../../../validation.ts';
import { domainAllowPage, findDomainAllow } from '../../../../db/repos/admin-domain-blocks.ts';
import { notFound } from '../../../../domain/errors.ts';
import { createDomainAllow, removeDomainAllow } from '../../../../services/admin/domain-blocks.ts';
import { serializeAdminDomainAllow } from '../../../../serializers/admin-blocks.ts';

const CreateBody = z.object({ domain: z.string().max(300).optional() });

export const adminDomainAllowsRoutes: RouteGroup = (app, ctx) => {
  const read = { config: { auth: { mode: 'user', scope: 'admin:read:domain_allows', role: 'admin' } as const } };
  const write = { config: { auth: { mode: 'user', scope: 'admin:write:domain_allows', role: 'admin' } as const } };

  app.get('/api/v1/admin/domain_allows', read, async (request, reply) => {
    const rows = await domainAllowPage(ctx.db, parsePage(request.query, { limit: 100, max: 200 }));
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.id));
    return rows.map(serializeAdminDomainAllow);
  });

  app.get<{ Params: { id: string } }>('/api/v1/admin/domain_allows/:id', read, async (request) => {
    const allow = await findDomainAllow(ctx.db, request.params.id);
    if (!allow) throw notFound();
    return serializeAdminDomainAllow(allow);
  });

  app.post('/api/v1/admin/domain_allows', write, async (request) => {
    const { domain } = parseInput(CreateBody, paramsOf(request));
    return serializeAdminDomainAllow(await createDomainAllow(ctx, currentAccount(request), domain));
  });

  app.delete<{ Params: { id: string } }>('/api/v1/admin/domain_allows/:id', write, async (request) => {
    await removeDomainAllow(ctx, currentAccount(request), request.params.id);
    return {};
  });
};
