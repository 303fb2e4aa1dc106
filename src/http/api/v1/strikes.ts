// Parley's strikes API for the person concerned: GET /api/v1/strikes (their account warnings,
// newest first) and POST /api/v1/strikes/:id/appeal. A suspended or disabled login may call both.
import { z } from 'zod';
import type { RouteGroup } from '../../routes.ts';
import { currentAccount } from '../../plugins/auth.ts';
import { paramsOf } from '../../plugins/body.ts';
import { linkFromIds, parsePage } from '../../pagination.ts';
import { parseInput } from '../../validation.ts';
import { appealsOfWarnings, findWarning, warningsOf } from '../../../db/repos/account-warnings.ts';
import { notFound } from '../../../domain/errors.ts';
import { serializeWarning } from '../../../serializers/account-warning.ts';
import { appealStrike } from '../../../services/moderation/appeals.ts';

const AppealBody = z.object({ text: z.string().max(10_000) });

export const strikesRoutes: RouteGroup = (app, ctx) => {
  const read = { config: { auth: { mode: 'user', scope: 'read:accounts', allowSanctioned: true } as const } };
  const write = { config: { auth: { mode: 'user', scope: 'write:accounts', allowSanctioned: true } as const } };

  app.get('/api/v1/strikes', read, async (request, reply) => {
    const me = currentAccount(request);
    const rows = await warningsOf(ctx.db, me.id, parsePage(request.query, { limit: 20, max: 40 }));
    const appeals = new Map((await appealsOfWarnings(ctx.db, rows.map((r) => r.id))).map((a) => [a.account_warning_id, a]));
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.id));
    return rows.map((w) => serializeWarning(ctx.config, w, me, appeals.get(w.id)));
  });

  app.get<{ Params: { id: string } }>('/api/v1/strikes/:id', read, async (request) => {
    const me = currentAccount(request);
    const strike = await findWarning(ctx.db, request.params.id);
    if (!strike || strike.target_account_id !== me.id) throw notFound();
    const [appeal] = await appealsOfWarnings(ctx.db, [strike.id]);
    return serializeWarning(ctx.config, strike, me, appeal);
  });

  app.post<{ Params: { id: string } }>('/api/v1/strikes/:id/appeal', write, async (request) => {
    const me = currentAccount(request);
    const b = parseInput(AppealBody, paramsOf(request));
    await appealStrike(ctx, me, request.params.id, b.text);
    const strike = (await findWarning(ctx.db, request.params.id))!;
    const [appeal] = await appealsOfWarnings(ctx.db, [strike.id]);
    return serializeWarning(ctx.config, strike, me, appeal);
  });
};
