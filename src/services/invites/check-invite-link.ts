// What someone opening an invite link may do, in Mastodon's order (Api::V1::InvitesController):
// an unknown code is not found, an unusable one is refused (401 there), and a valid one still
// cannot open a closed server or let in an address barred from signing up.
import type { AppContext } from '../../context.ts';
import { getSetting } from '../../db/repos/settings.ts';
import type { AccountRow, InviteRow } from '../../db/schema.ts';
import { AppError, forbidden, notFound } from '../../domain/errors.ts';
import { ipPolicy } from '../admin/ip-blocks.ts';
import { lookUpInvite } from './find-invite.ts';
import { INVITE_PROBLEMS } from './invite-state.ts';

export async function checkInviteLink(ctx: AppContext, code: string, ip: string | null): Promise<{ invite: InviteRow; inviter: AccountRow }> {
  const found = await lookUpInvite(ctx, code);
  if (!found.ok) throw found.problem === 'unknown' ? notFound(INVITE_PROBLEMS.unknown) : new AppError(401, INVITE_PROBLEMS[found.problem]);
  if ((await getSetting(ctx.db, ctx.config, 'registrations_mode')) === 'closed') throw forbidden('Registrations are closed');
  const policy = ip ? await ipPolicy(ctx, ip) : null;
  if (policy === 'sign_up_block' || policy === 'no_access') throw forbidden('Sign-ups from your network are not allowed');
  return found;
}
