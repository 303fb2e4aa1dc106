// Parley's review queue of automated content-policy decisions: GET /api/v1/admin/policy_decisions
// (pending by default, ?reviewed=true for the reviewed), POST /:id/approve and /:id/reject.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { parseInput, zBool } from '../../../validation.ts';
import { pageBy } from '../../../../db/repos/paging.ts';
import { serializeAccount } from '../../../../serializers/account.ts';
import { reviewDecision } from '../../../../services/moderation/policy-review.ts';
import type { PolicyDecisionJson } from '../../../../../api/entities.ts';

const Query = z.object({ reviewed: zBool.optional() });

export const adminPolicyDecisionsRoutes: RouteGroup = (app, ctx) => {
  const read = { config: { auth: { mode: 'user', scope: 'admin:read:reports', role: 'moderator' } as const } };
  const write = { config: { auth: { mode: 'user', scope: 'admin:write:reports', role: 'moderator' } as const } };

  app.get('/api/v1/admin/policy_decisions', read, async (request, reply) => {
    const q = parseInput(Query, request.query);
    const base = ctx.db.selectFrom('policy_decisions as d').selectAll('d').where('d.reviewed_at', q.reviewed ? 'is not' : 'is', null);
    const rows = await pageBy(base, 'd.id', parsePage(request.query, { limit: 40, max: 100 }));
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.id));
    const accountIds = [...new Set(rows.map((r) => r.account_id))];
    const accounts = new Map((accountIds.length ? await ctx.db.selectFrom('accounts').selectAll().where('id', 'in', accountIds).execute() : []).map((a) => [a.id, a]));
    const statusIds = rows.filter((r) => r.subject_type === 'status').map((r) => r.subject_id);
    // Moderators see held posts as they are: these are not rendered for a viewer.
    const statuses = new Map((statusIds.length ? await ctx.db.selectFrom('statuses').select(['id', 'content_html', 'spoiler_text', 'visibility', 'created_at', 'held_at']).where('id', 'in', statusIds).execute() : []).map((s) => [s.id, s]));
    return rows.flatMap((r): PolicyDecisionJson[] => {
      const account = accounts.get(r.account_id);
      if (!account) return [];
      const st = statuses.get(r.subject_id);
      return [{
        id: r.id,
        subject_type: r.subject_type,
        subject_id: r.subject_id,
        action: r.action,
        verdicts: JSON.parse(r.verdicts) as PolicyDecisionJson['verdicts'],
        created_at: r.created_at,
        reviewed_at: r.reviewed_at,
        outcome: r.outcome,
        account: serializeAccount(ctx.config, account),
        status: st ? { id: st.id, content: st.content_html, spoiler_text: st.spoiler_text, visibility: st.visibility, created_at: st.created_at, held: st.held_at !== null } : null,
      }];
    });
  });

  for (const verdict of ['approve', 'reject'] as const) {
    app.post<{ Params: { id: string } }>(`/api/v1/admin/policy_decisions/:id/${verdict}`, write, async (request) => {
      await reviewDecision(ctx, currentAccount(request), request.params.id, verdict === 'approve');
      return {};
    });
  }
};
