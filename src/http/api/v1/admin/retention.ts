// POST /api/v1/admin/retention: how many of each day's (or month's) sign-ups stay active.
// Staff (Mastodon's "View Dashboard").
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput } from '../../../validation.ts';
import { retention } from '../../../../services/admin/retention.ts';

const Body = z.object({
  start_at: z.string().max(40),
  end_at: z.string().max(40),
  frequency: z.enum(['day', 'month'], { message: 'must be day or month' }),
});

export const adminRetentionRoutes: RouteGroup = (app, ctx) => {
  app.post('/api/v1/admin/retention', { config: { auth: { mode: 'user', scope: 'admin:read', role: 'moderator' } } }, async (request) => {
    const b = parseInput(Body, paramsOf(request));
    return retention(ctx, b.start_at, b.end_at, b.frequency);
  });
};
