// GET /api/v1/statuses/:id/quotes, POST /:id/quotes/:quoting_status_id/revoke,
// PUT /:id/interaction_policy: the quoted author's controls (Mastodon 4.5).
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parsePage, setLinkHeader } from '../../../pagination.ts';
import { parseInput } from '../../../validation.ts';
import { quotesPage } from '../../../../db/repos/statuses.ts';
import { QUOTE_POLICIES } from '../../../../domain/visibility.ts';
import { renderStatus, renderStatuses } from '../../../../hydration/render-statuses.ts';
import { loadOwnStatus, revokeQuote, setQuotePolicy } from '../../../../services/statuses/quotes.ts';

const PolicyBody = z.object({ quote_approval_policy: z.enum(QUOTE_POLICIES) });

export const quotesRoute: RouteGroup = (app, ctx) => {
  app.get<{ Params: { id: string } }>('/api/v1/statuses/:id/quotes', { config: { auth: { mode: 'user', scope: 'read:statuses' } } }, async (request, reply) => {
    const viewer = currentAccount(request);
    const page = parsePage(request.query, { limit: 20, max: 40 });
    const status = await loadOwnStatus(ctx, viewer, request.params.id);
    const ids = await quotesPage(ctx.db, status.id, page);
    setLinkHeader(request, reply, ctx.config, { next: ids.at(-1), prev: ids[0] });
    return renderStatuses(ctx, ids, viewer);
  });

  app.post<{ Params: { id: string; quoting: string } }>('/api/v1/statuses/:id/quotes/:quoting/revoke', { config: { auth: { mode: 'user', scope: 'write:statuses' } } }, async (request) => {
    const viewer = currentAccount(request);
    const quoting = await revokeQuote(ctx, viewer, request.params.id, request.params.quoting);
    const [json] = await renderStatuses(ctx, [quoting.id], viewer);
    return json ?? (await renderStatus(ctx, request.params.id, viewer));
  });

  app.put<{ Params: { id: string } }>('/api/v1/statuses/:id/interaction_policy', { config: { auth: { mode: 'user', scope: 'write:statuses' } } }, async (request) => {
    const viewer = currentAccount(request);
    const { quote_approval_policy } = parseInput(PolicyBody, paramsOf(request));
    const status = await setQuotePolicy(ctx, viewer, request.params.id, quote_approval_policy);
    return renderStatus(ctx, status.id, viewer);
  });
};
