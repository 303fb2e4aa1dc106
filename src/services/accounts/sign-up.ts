// Sign-up, shared by POST /api/v1/accounts and the web sign-up page.
import type { AppContext } from '../../context.ts';
import { getSetting } from '../../db/repos/settings.ts';
import { AppError, unprocessable } from '../../domain/errors.ts';
import { createAccount, type CreatedAccount } from './create-account.ts';
import { enqueueConfirmationEmail } from './confirmation-email.ts';
import { checkSignUpBlocks } from '../admin/sign-up-gate.ts';

export interface SignUpInput {
  username: string;
  email: string;
  password: string;
  agreement: boolean;
  locale?: string;
  reason?: string | null;
  /** The address the sign-up came from, for the IP blocks. */
  ip?: string | null;
}

export interface SignUpResult extends CreatedAccount {
  /** The account needs a moderator's approval before it can be used. */
  pendingApproval: boolean;
}

export async function signUp(ctx: AppContext, input: SignUpInput): Promise<SignUpResult> {
  const mode = await getSetting(ctx.db, ctx.config, 'registrations_mode');
  if (mode === 'closed') throw new AppError(403, 'Registrations are closed');
  if (!input.agreement) throw unprocessable('Agreement must be accepted', { details: { agreement: [{ error: 'ERR_ACCEPTED', description: 'must be accepted' }] } });
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > 1000) throw unprocessable('Reason is too long (maximum is 1000 characters)');
  const locale = input.locale && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(input.locale) ? input.locale : 'en';
  const gate = await checkSignUpBlocks(ctx, { ip: input.ip ?? null, email: input.email });
  const pendingApproval = mode === 'approval' || gate.requiresApproval;
  const created = await createAccount(ctx, {
    username: input.username,
    email: input.email,
    password: input.password,
    locale,
    reason,
    approved: !pendingApproval,
    inTransaction: async (trx, c) => {
      if (c.confirmationToken) await enqueueConfirmationEmail(ctx, trx, input.email.trim(), c.account.username, c.confirmationToken);
    },
  }).catch((err: unknown) => {
    // Two sign-ups racing for one name or address: the unique index decides, the loser gets a 422.
    if (isUniqueViolation(err)) throw unprocessable('Username or e-mail address has already been taken');
    throw err;
  });
  return { ...created, pendingApproval };
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return !!e && (e.code === '23505' || (typeof e.message === 'string' && e.message.includes('UNIQUE constraint failed')));
}
