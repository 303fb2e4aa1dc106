// POST /api/v1/admin/measures: daily numbers for the dashboard. Staff (Mastodon's "View Dashboard").
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput, zArray } from '../../../validation.ts';
import { measures } from '../../../../services/admin/measures.ts';

const Target = z.object({ id: z.string().max(40).optional(), domain: z.string().max(300).optional() }).optional();
const Body = z.object({
  keys: zArray(z.string().max(60), 30),
  start_at: z.string().max(40),
  end_at: z.string().max(40),
  tag_accounts: Target,
  tag_uses: Target,
  tag_servers: Target,
});

export const adminMeasuresRoutes: RouteGroup = (app, ctx) => {
  app.post('/api/v1/admin/measures', { config: { auth: { mode: 'user', scope: 'admin:read', role: 'moderator' } } }, async (request) => {
    const b = parseInput(Body, paramsOf(request));
    return measures(ctx, { keys: b.keys, startAt: b.start_at, endAt: b.end_at, tagIds: { tag_accounts: b.tag_accounts?.id, tag_uses: b.tag_uses?.id, tag_servers: b.tag_servers?.id } });
  });
};
