// GET /api/v1/admin/action_logs: Parley's audit log of moderator and admin actions, newest
// first, filterable by who acted, the action and its target. Staff only; read-only by design.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { parseInput, zId } from '../../../validation.ts';
import { actionLogPage } from '../../../../db/repos/action-logs.ts';
import { serializeAccount } from '../../../../serializers/account.ts';
import { AUDIT_TARGET_TYPES } from '../../../../services/moderation/audit-log.ts';
import type { AdminActionLogJson } from '../../../../../api/entities.ts';

const Query = z.object({
  account_id: zId.optional(),
  action: z.string().regex(/^[a-z_.]{1,60}$/, 'is not an action name').optional(),
  target_type: z.enum(AUDIT_TARGET_TYPES).optional(),
  target_id: z.string().max(40).optional(),
});

export const adminActionLogsRoutes: RouteGroup = (app, ctx) => {
  app.get('/api/v1/admin/action_logs', { config: { auth: { mode: 'user', scope: 'admin:read', role: 'moderator' } } }, async (request, reply) => {
    const q = parseInput(Query, request.query);
    const rows = await actionLogPage(ctx.db, { accountId: q.account_id, action: q.action, targetType: q.target_type, targetId: q.target_id }, parsePage(request.query, { limit: 40, max: 200 }));
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.id));
    const actorIds = [...new Set(rows.map((r) => r.account_id).filter((id) => id !== 'system'))];
    const actors = actorIds.length ? await ctx.db.selectFrom('accounts').selectAll().where('id', 'in', actorIds).execute() : [];
    const byId = new Map(actors.map((a) => [a.id, serializeAccount(ctx.config, a)]));
    return rows.map((r): AdminActionLogJson => ({ id: r.id, action: r.action, target_type: r.target_type, target_id: r.target_id, summary: r.summary, created_at: r.created_at, account: byId.get(r.account_id) ?? null }));
  });
};
