// Mastodon's /api/v1/admin/trends: the tags, posts and links under review, and approving or
// rejecting each. Staff (Mastodon's "Manage Taxonomies"). The lists are the candidates the
// trends job scored (services/admin/trends.ts).
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput, zInt } from '../../../validation.ts';
import { notFound } from '../../../../domain/errors.ts';
import { isId } from '../../../../domain/ids.ts';
import { reviewStatus, reviewTag, trendingStatusCandidates, trendingTagCandidates } from '../../../../services/admin/trends.ts';

const Query = z.object({ limit: zInt(1).optional(), offset: zInt(0, 10_000).optional() });

export const adminTrendsRoutes: RouteGroup = (app, ctx) => {
  const read = { config: { auth: { mode: 'user', scope: 'admin:read', role: 'moderator' } as const } };
  const write = { config: { auth: { mode: 'user', scope: 'admin:write', role: 'moderator' } as const } };
  const window = (query: unknown, max: number) => {
    const q = parseInput(Query, query);
    return { limit: Math.min(q.limit ?? max, max), offset: q.offset ?? 0 };
  };

  app.get('/api/v1/admin/trends/tags', read, async (request) => trendingTagCandidates(ctx, window(paramsOf(request), 20)));
  app.get('/api/v1/admin/trends/statuses', read, async (request) => trendingStatusCandidates(ctx, currentAccount(request), window(paramsOf(request), 40)));
  // Parley makes no link previews: there are no links to review.
  app.get('/api/v1/admin/trends/links', read, async (request) => {
    window(paramsOf(request), 20);
    return [] as unknown[];
  });

  for (const decision of ['approve', 'reject'] as const) {
    const trendable = decision === 'approve';
    app.post<{ Params: { id: string } }>(`/api/v1/admin/trends/tags/:id/${decision}`, write, async (request) => {
      if (!isId(request.params.id)) throw notFound();
      return reviewTag(ctx, currentAccount(request), request.params.id, trendable);
    });
    app.post<{ Params: { id: string } }>(`/api/v1/admin/trends/statuses/:id/${decision}`, write, async (request) => {
      if (!isId(request.params.id)) throw notFound();
      return reviewStatus(ctx, currentAccount(request), request.params.id, trendable);
    });
    app.post(`/api/v1/admin/trends/links/:id/${decision}`, write, async () => {
      throw notFound();
    });
  }
};
