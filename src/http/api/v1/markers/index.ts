// GET /api/v1/markers?timeline[]=home&timeline[]=notifications, POST /api/v1/markers
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput, zArray, zId } from '../../../validation.ts';
import { markersOf, saveMarker } from '../../../../db/repos/markers.ts';
import { badRequest } from '../../../../domain/errors.ts';
import { serializeMarker, type MarkerJson } from '../../../../serializers/marker.ts';

const TIMELINES = ['home', 'notifications'] as const;
const Query = z.object({ timeline: zArray(z.string(), 10).optional() });
const Body = z.object({
  home: z.object({ last_read_id: zId }).optional(),
  notifications: z.object({ last_read_id: zId }).optional(),
});

export const markersRoutes: RouteGroup = (app, ctx) => {
  const respond = async (accountId: string, timelines: string[]) => {
    const out: Record<string, MarkerJson> = {};
    for (const m of await markersOf(ctx.db, accountId, timelines)) out[m.timeline] = serializeMarker(m);
    return out;
  };

  app.get('/api/v1/markers', { config: { auth: { mode: 'user', scope: 'read:statuses' } } }, async (request) => {
    const q = parseInput(Query, request.query);
    const wanted = (q.timeline ?? []).filter((t): t is (typeof TIMELINES)[number] => (TIMELINES as readonly string[]).includes(t));
    return respond(currentAccount(request).id, wanted);
  });

  app.post('/api/v1/markers', { config: { auth: { mode: 'user', scope: 'write:statuses' } } }, async (request) => {
    const viewer = currentAccount(request);
    const body = parseInput(Body, paramsOf(request));
    const given = TIMELINES.filter((t) => body[t]);
    if (given.length === 0) throw badRequest('Missing home or notifications marker');
    const now = ctx.clock.now().toISOString();
    for (const t of given) await saveMarker(ctx.db, viewer.id, t, body[t]!.last_read_id, now);
    return respond(viewer.id, given);
  });
};
