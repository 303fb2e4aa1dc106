// Parley's appeal queue for moderators: GET /api/v1/admin/appeals (pending by default),
// POST /api/v1/admin/appeals/:id/approve and /reject.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { parseInput, zBool } from '../../../validation.ts';
import { appealPage, findAppeal, findWarning, type AppealRow } from '../../../../db/repos/account-warnings.ts';
import { findAccountById } from '../../../../db/repos/accounts.ts';
import type { AdminAppealJson } from '../../../../../api/entities.ts';
import type { AppContext } from '../../../../context.ts';
import { notFound } from '../../../../domain/errors.ts';
import { serializeAccount } from '../../../../serializers/account.ts';
import { serializeAppeal, serializeWarning } from '../../../../serializers/account-warning.ts';
import { decideAppeal } from '../../../../services/moderation/appeals.ts';

const Query = z.object({ decided: zBool.optional() });

async function render(ctx: AppContext, appeal: AppealRow): Promise<AdminAppealJson | null> {
  const strike = await findWarning(ctx.db, appeal.account_warning_id);
  const account = await findAccountById(ctx.db, appeal.account_id);
  if (!strike || !account) return null;
  return { id: appeal.id, text: appeal.text, state: serializeAppeal(appeal).state, created_at: appeal.created_at, account: serializeAccount(ctx.config, account), strike: serializeWarning(ctx.config, strike, account, appeal) };
}

export const adminAppealsRoutes: RouteGroup = (app, ctx) => {
  const read = { config: { auth: { mode: 'user', scope: 'admin:read:accounts', role: 'moderator' } as const } };
  const write = { config: { auth: { mode: 'user', scope: 'admin:write:accounts', role: 'moderator' } as const } };

  app.get('/api/v1/admin/appeals', read, async (request, reply) => {
    const q = parseInput(Query, request.query);
    const rows = await appealPage(ctx.db, !(q.decided ?? false), parsePage(request.query, { limit: 40, max: 100 }));
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.id));
    return (await Promise.all(rows.map((r) => render(ctx, r)))).filter((x) => x !== null);
  });

  for (const verdict of ['approve', 'reject'] as const) {
    app.post<{ Params: { id: string } }>(`/api/v1/admin/appeals/:id/${verdict}`, write, async (request) => {
      await decideAppeal(ctx, currentAccount(request), request.params.id, verdict === 'approve');
      const appeal = await findAppeal(ctx.db, request.params.id);
      const json = appeal ? await render(ctx, appeal) : null;
      if (!json) throw notFound();
      return json;
    });
  }
};
