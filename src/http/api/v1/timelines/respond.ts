// Renders a page of status ids for the viewer and sets the Link header from the page's ids
// (not the rendered ones: a status hidden from the viewer, or by one of the viewer's hide
// filters, must not stop pagination; such a page may come back shorter than `limit`, as in
// Mastodon).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../../context.ts';
import type { AccountRow } from '../../../../db/schema.ts';
import { renderStatuses } from '../../../../hydration/render-statuses.ts';
import type { FilterContext } from '../../../../serializers/filter.ts';
import type { StatusJson } from '../../../../serializers/status.ts';
import { linkFromIds } from '../../../pagination.ts';

/** The filter context of each timeline that answers through here, by route. */
const FILTER_CONTEXT_OF_ROUTE: Record<string, FilterContext> = {
  '/api/v1/timelines/home': 'home',
  '/api/v1/timelines/list/:list_id': 'home',
  '/api/v1/timelines/public': 'public',
  '/api/v1/timelines/tag/:hashtag': 'public',
  '/api/v1/accounts/:id/statuses': 'account',
};

export async function respondWithStatuses(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, ids: string[], viewer: AccountRow | null): Promise<StatusJson[]> {
  linkFromIds(request, reply, ctx.config, ids);
  return renderStatuses(ctx, ids, viewer, { filterContext: FILTER_CONTEXT_OF_ROUTE[request.routeOptions.url ?? ''] });
}
