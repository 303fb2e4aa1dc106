// GET /api/v1/trends/tags|statuses|links (and the old /api/v1/trends alias of tags). Trends
// are not computed yet: empty lists, with limit/offset still validated like Mastodon.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput, zInt } from '../../../validation.ts';

const Query = z.object({ limit: zInt(1).optional(), offset: zInt(0).optional() });

export const trendsRoutes: RouteGroup = (app) => {
  const opts = { config: { auth: { mode: 'none' as const } } };
  for (const path of ['/api/v1/trends', '/api/v1/trends/tags', '/api/v1/trends/statuses', '/api/v1/trends/links']) {
    app.get(path, opts, async (request) => {
      parseInput(Query, paramsOf(request));
      return [] as unknown[];
    });
  }
};
