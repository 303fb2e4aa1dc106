// Mastodon's /api/v1/admin/email_domain_blocks: e-mail domains (and their subdomains) refused at
// sign-up, or held for approval, each with a week of the sign-ups it stopped. Admins only.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { parseInput, zBool } from '../../../validation.ts';
import { emailDomainBlockPage, findEmailDomainBlock } from '../../../../db/repos/admin-email-blocks.ts';
import { notFound } from '../../../../domain/errors.ts';
import { createEmailDomainBlock, removeEmailDomainBlock, renderEmailDomainBlocks } from '../../../../services/admin/email-blocks.ts';

const CreateBody = z.object({ domain: z.string().max(300).optional(), allow_with_approval: zBool.optional() });

export const adminEmailDomainBlocksRoutes: RouteGroup = (app, ctx) => {
  const read = { config: { auth: { mode: 'user', scope: 'admin:read:email_domain_blocks', role: 'admin' } as const } };
  const write = { config: { auth: { mode: 'user', scope: 'admin:write:email_domain_blocks', role: 'admin' } as const } };

  app.get('/api/v1/admin/email_domain_blocks', read, async (request, reply) => {
    const rows = await emailDomainBlockPage(ctx.db, parsePage(request.query, { limit: 100, max: 200 }));
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.id));
    return renderEmailDomainBlocks(ctx, rows);
  });

  app.get<{ Params: { id: string } }>('/api/v1/admin/email_domain_blocks/:id', read, async (request) => {
    const block = await findEmailDomainBlock(ctx.db, request.params.id);
    if (!block) throw notFound();
    return (await renderEmailDomainBlocks(ctx, [block]))[0];
  });

  app.post('/api/v1/admin/email_domain_blocks', write, async (request) => {
    const body = parseInput(CreateBody, paramsOf(request));
    const block = await createEmailDomainBlock(ctx, currentAccount(request), body.domain, body.allow_with_approval ?? false);
    return (await renderEmailDomainBlocks(ctx, [block]))[0];
  });

  app.delete<{ Params: { id: string } }>('/api/v1/admin/email_domain_blocks/:id', write, async (request) => {
    await removeEmailDomainBlock(ctx, currentAccount(request), request.params.id);
    return {};
  });
};
