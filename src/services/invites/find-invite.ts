// Looks up an invite code for a sign-up: the invite and its inviter when it can be used, or the
// reason it cannot.
import type { AppContext } from '../../context.ts';
import { findInviteByCode } from '../../db/repos/invites.ts';
import { findLoginByAccountId } from '../../db/repos/users.ts';
import type { AccountRow, InviteRow } from '../../db/schema.ts';
import { looksLikeInviteCode } from './invite-code.ts';
import { inviterInGoodStanding, inviteState, type InviteProblem } from './invite-state.ts';

export type InviteLookup = { ok: true; invite: InviteRow; inviter: AccountRow } | { ok: false; problem: InviteProblem };

export async function lookUpInvite(ctx: AppContext, code: string): Promise<InviteLookup> {
  const invite = looksLikeInviteCode(code) ? await findInviteByCode(ctx.db, code) : undefined;
  if (!invite) return { ok: false, problem: 'unknown' };
  const state = inviteState(invite, ctx.clock.now());
  if (state !== 'active') return { ok: false, problem: state };
  const inviter = await findLoginByAccountId(ctx.db, invite.account_id);
  if (!inviter || !inviterInGoodStanding(inviter)) return { ok: false, problem: 'inviter' };
  return { ok: true, invite, inviter: inviter.account };
}
