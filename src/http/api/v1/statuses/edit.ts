// PUT /api/v1/statuses/:id: edit a status; GET /:id/history and GET /:id/source.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount, viewerOf } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput, zArray, zBool } from '../../../validation.ts';
import { renderStatus } from '../../../../hydration/render-statuses.ts';
import { notFound } from '../../../../domain/errors.ts';
import { serializeStatusSource } from '../../../../serializers/status-source.ts';
import { editStatus } from '../../../../services/statuses/edit-status.ts';
import { loadVisibleStatus } from '../../../../services/statuses/load-visible-status.ts';
import { statusHistory } from '../../../../services/statuses/status-history.ts';
import { PollParams } from './create.ts';

const Body = z.object({
  status: z.string().max(100_000).optional().nullable(),
  spoiler_text: z.string().max(10_000).optional().nullable(),
  sensitive: zBool.optional().nullable(),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/, 'is not a language code').optional().nullable().or(z.literal('')),
  media_ids: zArray(z.string(), 20).optional().nullable(),
  media_attributes: zArray(z.object({ id: z.string(), description: z.string().optional().nullable(), focus: z.string().optional().nullable() }), 20).optional().nullable(),
  poll: PollParams.optional().nullable(),
});

export const editStatusRoute: RouteGroup = (app, ctx) => {
  app.put<{ Params: { id: string } }>('/api/v1/statuses/:id', { config: { auth: { mode: 'user', scope: 'write:statuses' } } }, async (request) => {
    const account = currentAccount(request);
    const body = parseInput(Body, paramsOf(request));
    await editStatus(ctx, account, request.params.id, {
      text: body.status ?? '',
      spoilerText: body.spoiler_text,
      sensitive: body.sensitive,
      language: body.language || null,
      mediaIds: body.media_ids,
      mediaAttributes: body.media_attributes,
      poll: body.poll ? { options: body.poll.options, expiresIn: body.poll.expires_in, multiple: body.poll.multiple ?? false, hideTotals: body.poll.hide_totals ?? false } : null,
    });
    return renderStatus(ctx, request.params.id, account);
  });

  app.get<{ Params: { id: string } }>('/api/v1/statuses/:id/history', { config: { auth: { mode: 'public', scope: 'read:statuses' } } }, async (request) => {
    return statusHistory(ctx, await loadVisibleStatus(ctx, request.params.id, viewerOf(request)));
  });

  app.get<{ Params: { id: string } }>('/api/v1/statuses/:id/source', { config: { auth: { mode: 'user', scope: 'read:statuses' } } }, async (request) => {
    const account = currentAccount(request);
    const status = await loadVisibleStatus(ctx, request.params.id, account);
    // Only the author may see the source; others get 404, as for anything they may not see.
    if (status.account_id !== account.id) throw notFound();
    return serializeStatusSource(status);
  });
};
