// The status actions that answer with the updated status: favourite, bookmark, pin, mute and
// their inverses, and reblog/unreblog. All are idempotent, like Mastodon's.
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { RouteGroup } from '../../../routes.ts';
import type { AccountRow, StatusRow } from '../../../../db/schema.ts';
import type { AppContext } from '../../../../context.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput } from '../../../validation.ts';
import { renderStatus } from '../../../../hydration/render-statuses.ts';
import { bookmarkStatus, favouriteStatus, unbookmarkStatus, unfavouriteStatus } from '../../../../services/statuses/favourite.ts';
import { muteStatusConversation, pinStatus, unpinStatus } from '../../../../services/statuses/pin.ts';
import { reblogStatus, unreblogStatus } from '../../../../services/statuses/reblog.ts';

type Action = (ctx: AppContext, viewer: AccountRow, id: string, request: FastifyRequest) => Promise<StatusRow>;

const ReblogBody = z.object({ visibility: z.enum(['public', 'unlisted', 'private']).optional().nullable() });

const ACTIONS: [string, string, Action][] = [
  ['favourite', 'write:favourites', (ctx, v, id) => favouriteStatus(ctx, v, id)],
  ['unfavourite', 'write:favourites', (ctx, v, id) => unfavouriteStatus(ctx, v, id)],
  ['bookmark', 'write:bookmarks', (ctx, v, id) => bookmarkStatus(ctx, v, id)],
  ['unbookmark', 'write:bookmarks', (ctx, v, id) => unbookmarkStatus(ctx, v, id)],
  ['pin', 'write:accounts', (ctx, v, id) => pinStatus(ctx, v, id)],
  ['unpin', 'write:accounts', (ctx, v, id) => unpinStatus(ctx, v, id)],
  ['mute', 'write:mutes', (ctx, v, id) => muteStatusConversation(ctx, v, id, true)],
  ['unmute', 'write:mutes', (ctx, v, id) => muteStatusConversation(ctx, v, id, false)],
  [
    'reblog',
    'write:statuses',
    (ctx, v, id, request) => reblogStatus(ctx, v, id, parseInput(ReblogBody, paramsOf(request)).visibility ?? null, request.auth!.token.app_id),
  ],
  ['unreblog', 'write:statuses', (ctx, v, id) => unreblogStatus(ctx, v, id)],
];

export const statusActionsRoute: RouteGroup = (app, ctx) => {
  for (const [name, scope, action] of ACTIONS) {
    app.post<{ Params: { id: string } }>(`/api/v1/statuses/:id/${name}`, { config: { auth: { mode: 'user', scope } } }, async (request) => {
      const viewer = currentAccount(request);
      const status = await action(ctx, viewer, request.params.id, request);
      return renderStatus(ctx, status.id, viewer);
    });
  }
};
