// POST /api/v1/reports: report an account (and some of its posts) to the moderators.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput, zArray, zBool, zId } from '../../../validation.ts';
import { createReport } from '../../../../services/reports/create-report.ts';
import { serializeReport } from '../../../../serializers/report.ts';

const Body = z.object({
  account_id: zId,
  status_ids: zArray(zId, 100).optional(),
  comment: z.string().max(1000, { message: 'is too long (maximum is 1000 characters)' }).optional(),
  category: z.enum(['spam', 'legal', 'violation', 'other']).optional(),
  rule_ids: zArray(z.string().max(40), 50).optional(),
  forward: zBool.optional(),
  forward_to_domains: zArray(z.string().max(255), 50).optional(),
});

export const createReportRoute: RouteGroup = (app, ctx) => {
  app.post('/api/v1/reports', { config: { auth: { mode: 'user', scope: 'write:reports' } } }, async (request) => {
    const body = parseInput(Body, paramsOf(request));
    const { report, statusIds, target } = await createReport(ctx, currentAccount(request), {
      accountId: body.account_id,
      statusIds: body.status_ids ?? [],
      comment: body.comment ?? '',
      category: body.category,
      ruleIds: body.rule_ids ?? [],
      forward: body.forward ?? false,
    });
    return serializeReport(ctx.config, report, statusIds, target);
  });
};
