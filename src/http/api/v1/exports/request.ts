// POST /api/v1/exports: request an archive of the account (once a day), made by a job: 202.
// GET /api/v1/exports: the account's archives, newest first.
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { requestExport } from '../../../../services/portability/request-export.ts';
import { serializeExport } from '../../../../services/portability/serialize.ts';
import { exportsOf } from '../../../../services/portability/store.ts';

const read = { config: { auth: { mode: 'user', scope: 'read' } } } as const;

export const requestExportRoutes: RouteGroup = (app, ctx) => {
  app.post('/api/v1/exports', read, async (request, reply) => {
    const row = await requestExport(ctx, currentAccount(request));
    reply.status(202);
    return serializeExport(ctx.config, row);
  });

  app.get('/api/v1/exports', read, async (request) => (await exportsOf(ctx.db, currentAccount(request).id)).map((row) => serializeExport(ctx.config, row)));
};
