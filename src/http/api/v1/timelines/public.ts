// GET /api/v1/timelines/public (local, remote, only_media). Local equals all until federation.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { viewerOf } from '../../../plugins/auth.ts';
import { parsePage } from '../../../pagination.ts';
import { parseInput, zBool } from '../../../validation.ts';
import { publicTimeline } from '../../../../services/timelines/timelines.ts';
import { respondWithStatuses } from './respond.ts';

export const PublicQuery = z.object({ local: zBool.optional(), remote: zBool.optional(), only_media: zBool.optional() });

export const publicTimelineRoute: RouteGroup = (app, ctx) => {
  app.get('/api/v1/timelines/public', { config: { auth: { mode: 'public', scope: 'read:statuses' } } }, async (request, reply) => {
    const q = parseInput(PublicQuery, request.query);
    const page = parsePage(request.query);
    const viewer = viewerOf(request);
    const ids = await publicTimeline(ctx, viewer, { remote: q.remote ?? false, onlyMedia: q.only_media ?? false }, page);
    return respondWithStatuses(ctx, request, reply, ids, viewer);
  });
};
