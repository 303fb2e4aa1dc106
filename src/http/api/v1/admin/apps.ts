// Parley's /api/v1/admin/apps (Mastodon has no such API): the registered applications, and the
// store-safe flag for app-store builds. Admins only.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { parseInput, zBool } from '../../../validation.ts';
import { adminAppPage, findAdminApp } from '../../../../db/repos/admin-apps.ts';
import { notFound } from '../../../../domain/errors.ts';
import { serializeAdminApp } from '../../../../serializers/admin-app.ts';
import { changeStoreSafe } from '../../../../services/admin/store-safe-apps.ts';

const Body = z.object({ store_safe: zBool });

export const adminAppsRoutes: RouteGroup = (app, ctx) => {
  const read = { config: { auth: { mode: 'user', scope: 'admin:read', role: 'admin' } as const } };
  const write = { config: { auth: { mode: 'user', scope: 'admin:write', role: 'admin' } as const } };

  app.get('/api/v1/admin/apps', read, async (request, reply) => {
    const rows = await adminAppPage(ctx.db, parsePage(request.query, { limit: 40, max: 200 }));
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.id));
    return rows.map(serializeAdminApp);
  });

  app.get<{ Params: { id: string } }>('/api/v1/admin/apps/:id', read, async (request) => {
    const found = await findAdminApp(ctx.db, request.params.id);
    if (!found) throw notFound();
    return serializeAdminApp(found);
  });

  app.put<{ Params: { id: string } }>('/api/v1/admin/apps/:id', write, async (request) => {
    const body = parseInput(Body, paramsOf(request));
    return serializeAdminApp(await changeStoreSafe(ctx, currentAccount(request), request.params.id, body.store_safe));
  });
};
