// GET /api/v1/accounts/:id/statuses (only_media, exclude_replies, exclude_reblogs, pinned, tagged)
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { viewerOf } from '../../../plugins/auth.ts';
import { parsePage } from '../../../pagination.ts';
import { parseInput, zBool } from '../../../validation.ts';
import { accountStatuses } from '../../../../services/timelines/timelines.ts';
import { respondWithStatuses } from '../timelines/respond.ts';

const Query = z.object({
  only_media: zBool.optional(),
  exclude_replies: zBool.optional(),
  exclude_reblogs: zBool.optional(),
  pinned: zBool.optional(),
  tagged: z.string().max(100).optional(),
});

export const accountStatusesRoute: RouteGroup = (app, ctx) => {
  app.get<{ Params: { id: string } }>('/api/v1/accounts/:id/statuses', { config: { auth: { mode: 'public', scope: 'read:statuses' } } }, async (request, reply) => {
    const q = parseInput(Query, request.query);
    const page = parsePage(request.query);
    const viewer = viewerOf(request);
    const ids = await accountStatuses(
      ctx,
      viewer,
      request.params.id,
      {
        onlyMedia: q.only_media ?? false,
        excludeReplies: q.exclude_replies ?? false,
        excludeReblogs: q.exclude_reblogs ?? false,
        pinned: q.pinned ?? false,
        tagged: q.tagged || null,
      },
      page,
    );
    return respondWithStatuses(ctx, request, reply, ids, viewer);
  });
};
