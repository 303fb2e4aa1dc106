// Renders a page of status ids for the viewer and sets the Link header from the page's ids
// (not the rendered ones: a status hidden from the viewer must not stop pagination).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../../context.ts';
import type { AccountRow } from '../../../../db/schema.ts';
import { renderStatuses } from '../../../../hydration/render-statuses.ts';
import type { StatusJson } from '../../../../serializers/status.ts';
import { linkFromIds } from '../../../pagination.ts';

export async function respondWithStatuses(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, ids: string[], viewer: AccountRow | null): Promise<StatusJson[]> {
  linkFromIds(request, reply, ctx.config, ids);
  return renderStatuses(ctx, ids, viewer);
}
