// GET /api/v1/timelines/tag/:hashtag (any[], all[], none[], local, remote, only_media)
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { viewerOf } from '../../../plugins/auth.ts';
import { parsePage } from '../../../pagination.ts';
import { parseInput, zArray } from '../../../validation.ts';
import { tagTimeline } from '../../../../services/timelines/timelines.ts';
import { PublicQuery } from './public.ts';
import { respondWithStatuses } from './respond.ts';

const tagName = z.string().min(1).max(100);
const Query = PublicQuery.extend({ any: zArray(tagName, 4).optional(), all: zArray(tagName, 4).optional(), none: zArray(tagName, 4).optional() });

export const tagTimelineRoute: RouteGroup = (app, ctx) => {
  app.get<{ Params: { hashtag: string } }>('/api/v1/timelines/tag/:hashtag', { config: { auth: { mode: 'public', scope: 'read:statuses' } } }, async (request, reply) => {
    const q = parseInput(Query, request.query);
    const page = parsePage(request.query);
    const viewer = viewerOf(request);
    const ids = await tagTimeline(
      ctx,
      viewer,
      request.params.hashtag,
      { remote: q.remote ?? false, onlyMedia: q.only_media ?? false, any: q.any ?? [], all: q.all ?? [], none: q.none ?? [] },
      page,
    );
    return respondWithStatuses(ctx, request, reply, ids, viewer);
  });
};
