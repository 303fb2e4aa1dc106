// GET /api/v1/accounts/:id/followers and /following, paginated by the follow row id.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.ts';
import type { RouteGroup } from '../../../routes.ts';
import { viewerOf } from '../../../plugins/auth.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { blockedAmong } from '../../../../db/repos/blocks.ts';
import { followPage } from '../../../../db/repos/follows.ts';
import { accountsInOrder } from '../../../../services/relationships/account-list.ts';
import { loadTargetAccount } from '../../../../services/relationships/target.ts';

function register(app: FastifyInstance, ctx: AppContext, direction: 'followers' | 'following'): void {
  app.get<{ Params: { id: string } }>(`/api/v1/accounts/:id/${direction}`, { config: { auth: { mode: 'public', scope: 'read:accounts' } } }, async (request, reply) => {
    const target = await loadTargetAccount(ctx, request.params.id);
    const page = parsePage(request.query, { limit: 40, max: 80 });
    const viewer = viewerOf(request);
    const isOwner = viewer?.id === target.id;
    // Hidden collections (and accounts that block the viewer) show an empty list, like Mastodon.
    if (!isOwner && (target.hide_collections === 1 || (viewer && (await blockedAmong(ctx.db, target.id, [viewer.id])).size > 0))) return [];
    const rows = await followPage(ctx.db, 'follows', direction, target.id, page);
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.id));
    return accountsInOrder(ctx, rows.map((r) => r.other));
  });
}

export const followersRoute: RouteGroup = (app, ctx) => register(app, ctx, 'followers');
export const followingRoute: RouteGroup = (app, ctx) => register(app, ctx, 'following');
