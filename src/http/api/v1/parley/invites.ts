// Parley's invites API (Mastodon has invites only in its server-rendered settings):
//   GET    /api/v1/parley/invites      the caller's invites, newest first, Link-paginated;
//                                      ?all=true: everyone's (moderators and admins)
//   POST   /api/v1/parley/invites      new invite: max_uses (empty: no limit), expires_in
//                                      (seconds; empty: never), autofollow
//   DELETE /api/v1/parley/invites/:id  revokes one of the caller's invites ({}); ?all=true: anyone's (staff)
// Also registers Mastodon's public GET /api/v1/invites/:invite_code, so invites have one entry
// in the route table.
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount, requireRole } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { parseInput, zBool, zInt } from '../../../validation.ts';
import { unauthorized } from '../../../../domain/errors.ts';
import { createInvite } from '../../../../services/invites/create-invite.ts';
import { serializeInvite } from '../../../../services/invites/invite-json.ts';
import { listInvites } from '../../../../services/invites/list-invites.ts';
import { revokeInvite } from '../../../../services/invites/revoke-invite.ts';
import { mastodonInvitesRoutes } from '../invites/index.ts';

/** An empty field means "no limit" / "never", like Mastodon's settings form. */
const optionalInt = z.preprocess((v) => (v === '' ? null : v), zInt().nullable().optional());

const Create = z.object({
  max_uses: optionalInt,
  expires_in: optionalInt,
  autofollow: zBool.optional().default(false),
});

const Scope = z.object({ all: zBool.optional().default(false) });

/** `?all=true` asks for staff powers: the auth plugin's role check decides. */
function wantsAll(request: FastifyRequest): boolean {
  const { all } = parseInput(Scope, { all: (request.query as Record<string, unknown>).all });
  if (all) requireRole(request, 'moderator');
  return all;
}

export const invitesRoutes: RouteGroup = async (app, ctx) => {
  const read = { config: { auth: { mode: 'user', scope: 'read:accounts' } as const } };
  const write = { config: { auth: { mode: 'user', scope: 'write:accounts' } as const } };

  app.get('/api/v1/parley/invites', read, async (request, reply) => {
    const all = wantsAll(request);
    const { items, pageIds } = await listInvites(ctx, all ? null : currentAccount(request).id, parsePage(request.query));
    linkFromIds(request, reply, ctx.config, pageIds);
    return items;
  });

  app.post('/api/v1/parley/invites', write, async (request) => {
    const body = parseInput(Create, paramsOf(request));
    const { account, user } = request.auth!;
    if (!account || !user) throw unauthorized();
    const invite = await createInvite(ctx, { account, user }, { maxUses: body.max_uses ?? null, expiresIn: body.expires_in ?? null, autofollow: body.autofollow });
    return serializeInvite(ctx.config, invite, account, ctx.clock.now());
  });

  app.delete<{ Params: { id: string } }>('/api/v1/parley/invites/:id', write, async (request) => {
    const all = wantsAll(request);
    await revokeInvite(ctx, currentAccount(request), request.params.id, { anyInviter: all });
    return {};
  });

  await mastodonInvitesRoutes(app, ctx);
};
