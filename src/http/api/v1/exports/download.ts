// GET /api/v1/exports/:id/download: the archive, to its owner only (404 for anyone else, and
// while it is not ready). Archives have no public address: this route is the only way out.
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { notFound } from '../../../../domain/errors.ts';
import { ownedExport } from '../../../../services/portability/owned.ts';
import { attachmentHeaders } from './attachment.ts';

export const downloadExportRoute: RouteGroup = (app, ctx) => {
  app.get<{ Params: { id: string } }>('/api/v1/exports/:id/download', { config: { auth: { mode: 'user', scope: 'read' } } }, async (request, reply) => {
    const me = currentAccount(request);
    const row = await ownedExport(ctx, me, request.params.id);
    const info = row.state === 'ready' ? await ctx.media.storage.stat(row.storage_key) : null;
    if (!info) throw notFound();
    const day = row.created_at.slice(0, 10).replaceAll('-', '');
    reply.headers(attachmentHeaders('application/zip', `archive-${me.username}-${day}.zip`)).header('content-length', info.size);
    return reply.send(ctx.media.storage.open(row.storage_key));
  });
};
