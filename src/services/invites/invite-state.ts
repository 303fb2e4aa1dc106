// Whether an invite can still be used, and why not, in words a person signing up understands.
import type { AccountRow, InviteRow, UserRow } from '../../db/schema.ts';

export type InviteState = 'active' | 'revoked' | 'expired' | 'used_up';

export function inviteState(invite: InviteRow, now: Date): InviteState {
  if (invite.revoked_at) return 'revoked';
  if (invite.expires_at && invite.expires_at <= now.toISOString()) return 'expired';
  if (invite.max_uses !== null && invite.uses >= invite.max_uses) return 'used_up';
  return 'active';
}

/**
 * An invite speaks for its inviter: like Mastodon's Invite#valid_for_use?, it stops working
 * while the inviter cannot use their own account (deleted, suspended, disabled, or not yet
 * confirmed or approved).
 */
export function inviterInGoodStanding(login: { account: AccountRow; user: UserRow } | undefined): boolean {
  if (!login) return false;
  const { account, user } = login;
  return !account.deleted_at && !account.suspended_at && !user.disabled_at && user.confirmed_at !== null && user.approved === 1;
}

export const INVITE_PROBLEMS = {
  unknown: 'This invite code is not valid. Check the link you were given.',
  revoked: 'This invite has been revoked.',
  expired: 'This invite has expired.',
  used_up: 'This invite has been used up.',
  inviter: 'This invite is no longer valid.',
} as const;

export type InviteProblem = keyof typeof INVITE_PROBLEMS;
