// GET /api/v1/trends/tags|statuses|links (and the old /api/v1/trends alias of tags): the
// trends that moderators approved, best first (src/services/trends/). A limit above the
// maximum is lowered to it, like Mastodon.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { viewerOf } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput, zInt } from '../../../validation.ts';
import { trendingStatuses, trendingTags, type Window } from '../../../../services/trends/public-trends.ts';

const Query = z.object({ limit: zInt(1).optional(), offset: zInt(0, 10_000).optional() });

function windowOf(query: unknown, byDefault: number, max: number): Window {
  const q = parseInput(Query, query);
  return { limit: Math.min(q.limit ?? byDefault, max), offset: q.offset ?? 0 };
}

export const trendsRoutes: RouteGroup = (app, ctx) => {
  const opts = { config: { auth: { mode: 'public' as const } } };
  for (const path of ['/api/v1/trends', '/api/v1/trends/tags']) {
    app.get(path, opts, async (request) => trendingTags(ctx, viewerOf(request), windowOf(paramsOf(request), 10, 20)));
  }
  app.get('/api/v1/trends/statuses', opts, async (request) => trendingStatuses(ctx, viewerOf(request), windowOf(paramsOf(request), 20, 40)));
  // Parley makes no link previews (no preview cards), so no links can trend: always empty.
  app.get('/api/v1/trends/links', opts, async (request) => {
    windowOf(paramsOf(request), 10, 20);
    return [] as unknown[];
  });
};
