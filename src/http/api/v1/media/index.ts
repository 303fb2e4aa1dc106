// GET/PUT/DELETE /api/v1/media/:id for uploads not yet posted. GET answers 206 while the file
// is processed and 422 when processing failed, as Mastodon does.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput } from '../../../validation.ts';
import { AppError, notFound } from '../../../../domain/errors.ts';
import { deleteMedia, loadOwnMedia, updateMedia } from '../../../../services/media/manage-media.ts';
import { renderOwnMedia } from './render-media.ts';

const Body = z.object({
  description: z.string().optional().nullable(),
  focus: z.string().optional().nullable(),
});

export const mediaRoutes: RouteGroup = (app, ctx) => {
  app.get<{ Params: { id: string } }>('/api/v1/media/:id', { config: { auth: { mode: 'user', scope: 'write:media' } } }, async (request, reply) => {
    const row = await loadOwnMedia(ctx, currentAccount(request), request.params.id);
    if (row.status_id) throw notFound();
    if (row.state === 'failed') throw new AppError(422, row.error ?? 'The file could not be processed');
    reply.status(row.state === 'processing' ? 206 : 200);
    return renderOwnMedia(ctx, row);
  });

  app.put<{ Params: { id: string } }>('/api/v1/media/:id', { config: { auth: { mode: 'user', scope: 'write:media' } } }, async (request) => {
    const b = parseInput(Body, paramsOf(request));
    return renderOwnMedia(ctx, await updateMedia(ctx, currentAccount(request), request.params.id, b));
  });

  app.delete<{ Params: { id: string } }>('/api/v1/media/:id', { config: { auth: { mode: 'user', scope: 'write:media' } } }, async (request) => {
    await deleteMedia(ctx, currentAccount(request), request.params.id);
    return {};
  });
};
