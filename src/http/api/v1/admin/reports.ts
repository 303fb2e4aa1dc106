// Mastodon's admin API for reports (GET, PUT, assign_to_self, unassign, resolve, reopen), plus
// Parley's internal notes on a report. Moderators and admins only.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { parseInput, zArray, zBool, zId } from '../../../validation.ts';
import { reportPage } from '../../../../db/repos/admin-reports.ts';
import { renderAdminReports } from '../../../../hydration/render-admin-reports.ts';
import { addReportNote, assignToSelf, loadReport, recategorise, reopenReport, resolveReport, unassign } from '../../../../services/moderation/report-queue.ts';

const ListQuery = z.object({ resolved: zBool.optional(), account_id: zId.optional(), target_account_id: zId.optional() });
const UpdateBody = z.object({ category: z.enum(['spam', 'legal', 'violation', 'other']).optional(), rule_ids: zArray(z.string().max(40), 50).optional() });
const NoteBody = z.object({ content: z.string().max(10_000) });

export const adminReportsRoutes: RouteGroup = (app, ctx) => {
  const read = { config: { auth: { mode: 'user', scope: 'admin:read:reports', role: 'moderator' } as const } };
  const write = { config: { auth: { mode: 'user', scope: 'admin:write:reports', role: 'moderator' } as const } };
  const one = async (id: string) => (await renderAdminReports(ctx, [await loadReport(ctx, id)]))[0]!;

  app.get('/api/v1/admin/reports', read, async (request, reply) => {
    const q = parseInput(ListQuery, request.query);
    const rows = await reportPage(ctx.db, { resolved: q.resolved ?? false, accountId: q.account_id, targetAccountId: q.target_account_id }, parsePage(request.query, { limit: 100, max: 200 }));
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.id));
    return renderAdminReports(ctx, rows);
  });

  app.get<{ Params: { id: string } }>('/api/v1/admin/reports/:id', read, async (request) => one(request.params.id));

  app.put<{ Params: { id: string } }>('/api/v1/admin/reports/:id', write, async (request) => {
    const b = parseInput(UpdateBody, paramsOf(request));
    await recategorise(ctx, currentAccount(request), request.params.id, { category: b.category, ruleIds: b.rule_ids });
    return one(request.params.id);
  });

  const actions = { assign_to_self: assignToSelf, unassign, resolve: resolveReport, reopen: reopenReport } as const;
  for (const [name, act] of Object.entries(actions)) {
    app.post<{ Params: { id: string } }>(`/api/v1/admin/reports/:id/${name}`, write, async (request) => {
      await act(ctx, currentAccount(request), request.params.id);
      return one(request.params.id);
    });
  }

  app.post<{ Params: { id: string } }>('/api/v1/admin/reports/:id/notes', write, async (request) => {
    const b = parseInput(NoteBody, paramsOf(request));
    await addReportNote(ctx, currentAccount(request), request.params.id, b.content);
    return one(request.params.id);
  });
};
