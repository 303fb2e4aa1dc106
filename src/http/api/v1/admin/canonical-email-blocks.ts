// Mastodon's /api/v1/admin/canonical_email_blocks: addresses blocked by the SHA-256 of their
// canonical form (the address itself is never stored), and a test of an address. Admins only.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { parseInput } from '../../../validation.ts';
import { canonicalEmailBlockPage, findCanonicalEmailBlock } from '../../../../db/repos/admin-email-blocks.ts';
import { notFound } from '../../../../domain/errors.ts';
import { createCanonicalEmailBlock, removeCanonicalEmailBlock, testCanonicalEmail } from '../../../../services/admin/email-blocks.ts';
import { serializeAdminCanonicalEmailBlock } from '../../../../serializers/admin-blocks.ts';

const CreateBody = z.object({ email: z.string().max(320).optional(), canonical_email_hash: z.string().max(100).optional() });
const TestBody = z.object({ email: z.string({ message: "can't be blank" }).min(1, { message: "can't be blank" }).max(320) });

export const adminCanonicalEmailBlocksRoutes: RouteGroup = (app, ctx) => {
  const read = { config: { auth: { mode: 'user', scope: 'admin:read:canonical_email_blocks', role: 'admin' } as const } };
  const write = { config: { auth: { mode: 'user', scope: 'admin:write:canonical_email_blocks', role: 'admin' } as const } };

  app.get('/api/v1/admin/canonical_email_blocks', read, async (request, reply) => {
    const rows = await canonicalEmailBlockPage(ctx.db, parsePage(request.query, { limit: 100, max: 200 }));
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.id));
    return rows.map(serializeAdminCanonicalEmailBlock);
  });

  app.post('/api/v1/admin/canonical_email_blocks/test', read, async (request) => {
    const { email } = parseInput(TestBody, paramsOf(request));
    return (await testCanonicalEmail(ctx, email)).map(serializeAdminCanonicalEmailBlock);
  });

  app.get<{ Params: { id: string } }>('/api/v1/admin/canonical_email_blocks/:id', read, async (request) => {
    const block = await findCanonicalEmailBlock(ctx.db, request.params.id);
    if (!block) throw notFound();
    return serializeAdminCanonicalEmailBlock(block);
  });

  app.post('/api/v1/admin/canonical_email_blocks', write, async (request) => {
    const body = parseInput(CreateBody, paramsOf(request));
    return serializeAdminCanonicalEmailBlock(await createCanonicalEmailBlock(ctx, currentAccount(request), body));
  });

  app.delete<{ Params: { id: string } }>('/api/v1/admin/canonical_email_blocks/:id', write, async (request) => {
    await removeCanonicalEmailBlock(ctx, currentAccount(request), request.params.id);
    return {};
  });
};
