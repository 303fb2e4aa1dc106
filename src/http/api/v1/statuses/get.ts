// GET /api/v1/statuses/:id and GET /api/v1/statuses?id[]=: statuses the viewer may see.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { viewerOf } from '../../../plugins/auth.ts';
import { parseInput, zArray } from '../../../validation.ts';
import { renderStatus, renderStatuses } from '../../../../hydration/render-statuses.ts';
import { isId } from '../../../../domain/ids.ts';
import { notFound } from '../../../../domain/errors.ts';

// No ids at all is an empty answer, as in Mastodon.
const Many = z.object({ id: zArray(z.string().max(100), 40).optional() });

export const getStatusRoute: RouteGroup = (app, ctx) => {
  const auth = { mode: 'public', scope: 'read:statuses' } as const;
  app.get<{ Params: { id: string } }>('/api/v1/statuses/:id', { config: { auth } }, async (request) => {
    if (!isId(request.params.id)) throw notFound();
    return renderStatus(ctx, request.params.id, viewerOf(request), { filterContext: 'thread' });
  });
  app.get('/api/v1/statuses', { config: { auth } }, async (request) => {
    const { id } = parseInput(Many, request.query);
    // Unknown and invisible ids are left out, like Mastodon.
    return renderStatuses(ctx, [...new Set((id ?? []).filter(isId))], viewerOf(request));
  });
};
