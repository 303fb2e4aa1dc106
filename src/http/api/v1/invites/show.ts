// GET /api/v1/invites/:invite_code (Mastodon 4.3+, mastodon#27805): lets an app check an invite
// link before showing its sign-up form. Same answers as Mastodon ({invite_code,
// instance_api_url}; 404 unknown, 401 no longer usable, 403 registrations closed), plus Parley's
// `inviter` so the form can say who invited you. No token needed: the invitee has none yet.
import type { RouteGroup } from '../../../routes.ts';
import { serializeAccount } from '../../../../serializers/account.ts';
import { checkInviteLink } from '../../../../services/invites/check-invite-link.ts';

export const inviteShowRoute: RouteGroup = (app, ctx) => {
  app.get<{ Params: { invite_code: string } }>('/api/v1/invites/:invite_code', { config: { auth: { mode: 'none' } } }, async (request) => {
    const { invite, inviter } = await checkInviteLink(ctx, request.params.invite_code, request.ip);
    return { invite_code: invite.code, instance_api_url: `${ctx.config.baseUrl}/api/v2/instance`, inviter: serializeAccount(ctx.config, inviter) };
  });
};
