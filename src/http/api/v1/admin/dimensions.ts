// POST /api/v1/admin/dimensions: breakdowns for the dashboard (languages, servers, software,
// space used, a tag's servers and languages). Staff (Mastodon's "View Dashboard").
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput, zArray, zInt } from '../../../validation.ts';
import { dimensions } from '../../../../services/admin/dimensions.ts';

const Target = z.object({ id: z.string().max(40).optional(), domain: z.string().max(300).optional() }).optional();
const Body = z.object({
  keys: zArray(z.string().max(60), 30),
  start_at: z.string().max(40),
  end_at: z.string().max(40),
  limit: zInt(1, 100).optional(),
  tag_servers: Target,
  tag_languages: Target,
});

export const adminDimensionsRoutes: RouteGroup = (app, ctx) => {
  app.post('/api/v1/admin/dimensions', { config: { auth: { mode: 'user', scope: 'admin:read', role: 'moderator' } } }, async (request) => {
    const b = parseInput(Body, paramsOf(request));
    return dimensions(ctx, { keys: b.keys, startAt: b.start_at, endAt: b.end_at, limit: b.limit ?? 10, tagIds: { tag_servers: b.tag_servers?.id, tag_languages: b.tag_languages?.id } });
  });
};
