// GET /api/v1/imports (the account's recent imports, newest first), GET /api/v1/imports/:id
// (one, with its progress) and GET /api/v1/imports/:id/failures (its failed rows as CSV).
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { failuresCsv, FAILURES_FILE_NAMES } from '../../../../services/portability/failures.ts';
import { ownedImport } from '../../../../services/portability/owned.ts';
import { serializeImport } from '../../../../services/portability/serialize.ts';
import { importsOf } from '../../../../services/portability/store.ts';
import { attachmentHeaders } from '../exports/attachment.ts';

const read = { config: { auth: { mode: 'user', scope: 'read' } } } as const;
const RECENT = 20;

export const showImportRoutes: RouteGroup = (app, ctx) => {
  app.get('/api/v1/imports', read, async (request) =>
    (await importsOf(ctx.db, currentAccount(request).id, RECENT)).map((row) => serializeImport(ctx.config, row, ctx.clock.now())),
  );

  app.get<{ Params: { id: string } }>('/api/v1/imports/:id', read, async (request) => serializeImport(ctx.config, await ownedImport(ctx, currentAccount(request), request.params.id), ctx.clock.now()));

  app.get<{ Params: { id: string } }>('/api/v1/imports/:id/failures', read, async (request, reply) => {
    const row = await ownedImport(ctx, currentAccount(request), request.params.id);
    const csv = await failuresCsv(ctx, row);
    reply.headers(attachmentHeaders('text/csv; charset=utf-8', FAILURES_FILE_NAMES[row.type]));
    return csv;
  });
};
