// Sign-up, shared by POST /api/v1/accounts and the web sign-up page.
import type { AppContext } from '../../context.ts';
import { claimInviteUse } from '../../db/repos/invites.ts';
import { getSetting } from '../../db/repos/settings.ts';
import type { AccountRow, InviteRow } from '../../db/schema.ts';
import { AppError, unprocessable } from '../../domain/errors.ts';
import { createAccount, type CreatedAccount } from './create-account.ts';
import { enqueueConfirmationEmail } from './confirmation-email.ts';
import { checkSignUpBlocks } from '../admin/sign-up-gate.ts';
import { lookUpInvite } from '../invites/find-invite.ts';
import { INVITE_PROBLEMS, type InviteProblem } from '../invites/invite-state.ts';
import { followInviterOnceUsable } from '../invites/follow-inviter.ts';

const INVITE_ONLY_MESSAGE = 'This server is invite-only: you need an invite link from a member to sign up';

export interface SignUpInput {
  username: string;
  email: string;
  password: string;
  agreement: boolean;
  locale?: string;
  reason?: string | null;
  /** The address the sign-up came from, for the IP blocks. */
  ip?: string | null;
  /** From an invite link; required in the `invite` mode, welcome in `open` and `approval`. */
  inviteCode?: string | null;
}

export interface SignUpResult extends CreatedAccount {
  /** The account needs a moderator's approval before it can be used. */
  pendingApproval: boolean;
}

/** Thrown inside the sign-up transaction when the invite was spent meanwhile: rolls it back. */
class InviteSpent extends Error {}

export async function signUp(ctx: AppContext, input: SignUpInput): Promise<SignUpResult> {
  const mode = await getSetting(ctx.db, ctx.config, 'registrations_mode');
  // Closed means closed: invites made earlier do not open a closed server (use `invite` for that).
  if (mode === 'closed') throw new AppError(403, 'Registrations are closed');
  const inviteCode = input.inviteCode?.trim() || null;
  if (mode === 'invite' && !inviteCode) throw new AppError(403, INVITE_ONLY_MESSAGE);
  if (!input.agreement) throw unprocessable('Agreement must be accepted', { details: { agreement: [{ error: 'ERR_ACCEPTED', description: 'must be accepted' }] } });
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > 1000) throw unprocessable('Reason is too long (maximum is 1000 characters)');
  const locale = input.locale && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(input.locale) ? input.locale : 'en';
  const invited = inviteCode ? await usableInvite(ctx, inviteCode) : null;
  const gate = await checkSignUpBlocks(ctx, { ip: input.ip ?? null, email: input.email });
  // Mastodon's User#set_approved: a valid invite skips the approval queue, unless a block says
  // sign-ups from this address or provider need a moderator's look.
  const pendingApproval = gate.requiresApproval || (mode === 'approval' && !invited);
  const created = await createAccount(ctx, {
    username: input.username,
    email: input.email,
    password: input.password,
    locale,
    reason,
    approved: !pendingApproval,
    inTransaction: async (trx, c) => {
      if (invited && !(await claimInviteUse(trx, invited.invite.id, c.account.id, ctx.clock.now().toISOString()))) throw new InviteSpent();
      if (c.confirmationToken) await enqueueConfirmationEmail(ctx, trx, input.email.trim(), c.account.username, c.confirmationToken);
    },
  }).catch(async (err: unknown) => {
    // Two sign-ups racing for one name or address: the unique index decides, the loser gets a 422.
    if (isUniqueViolation(err)) throw unprocessable('Username or e-mail address has already been taken');
    // Two sign-ups racing for an invite's last use: the conditional update decides.
    if (err instanceof InviteSpent) throw inviteRefused(await problemNow(ctx, inviteCode!));
    throw err;
  });
  if (invited) await followInviterOnceUsable(ctx, created.account.id);
  return { ...created, pendingApproval };
}

async function usableInvite(ctx: AppContext, code: string): Promise<{ invite: InviteRow; inviter: AccountRow }> {
  const found = await lookUpInvite(ctx, code);
  if (!found.ok) throw inviteRefused(found.problem);
  return found;
}

/** Why an invite that looked usable could not be spent: usually its last use went to another sign-up. */
async function problemNow(ctx: AppContext, code: string): Promise<InviteProblem> {
  const found = await lookUpInvite(ctx, code);
  return found.ok ? 'used_up' : found.problem;
}

function inviteRefused(problem: InviteProblem): AppError {
  const text = INVITE_PROBLEMS[problem];
  return unprocessable(text, { details: { invite_code: [{ error: 'ERR_INVALID', description: text }] } });
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return !!e && (e.code === '23505' || (typeof e.message === 'string' && e.message.includes('UNIQUE constraint failed')));
}
