// Creates an invite link for an inviter. The API checks the inviter may invite first; the admin
// CLI may create invites for any account in good standing.
import type { AppContext } from '../../context.ts';
import { findInviteByCode, insertInvite } from '../../db/repos/invites.ts';
import type { AccountRow, InviteRow, UserRow } from '../../db/schema.ts';
import { unprocessable } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { newInviteCode } from './invite-code.ts';
import { inviterInGoodStanding } from './invite-state.ts';
import { assertMayInvite } from './may-invite.ts';

export const MAX_USES_LIMIT = 10_000;
/** From a minute (a code read out loud) to a year. */
export const EXPIRES_IN_MIN = 60;
export const EXPIRES_IN_MAX = 365 * 86_400;

export interface InviteOptions {
  /** null: any number of sign-ups. */
  maxUses: number | null;
  /** Seconds from now; null: never expires. */
  expiresIn: number | null;
  autofollow: boolean;
}

export async function createInvite(ctx: AppContext, login: { account: AccountRow; user: UserRow }, opts: InviteOptions, how: { byAdmin?: boolean } = {}): Promise<InviteRow> {
  if (how.byAdmin) {
    if (!inviterInGoodStanding(login)) throw unprocessable(`@${login.account.username} cannot invite anyone: the account is not in good standing`);
  } else {
    await assertMayInvite(ctx, login);
  }
  if (opts.maxUses !== null && !(Number.isInteger(opts.maxUses) && opts.maxUses >= 1 && opts.maxUses <= MAX_USES_LIMIT)) {
    throw unprocessable(`max_uses must be a whole number from 1 to ${MAX_USES_LIMIT}, or empty for no limit`);
  }
  if (opts.expiresIn !== null && !(Number.isInteger(opts.expiresIn) && opts.expiresIn >= EXPIRES_IN_MIN && opts.expiresIn <= EXPIRES_IN_MAX)) {
    throw unprocessable(`expires_in must be from ${EXPIRES_IN_MIN} seconds to a year, or empty for never`);
  }
  const now = ctx.clock.now();
  // ~70 random bits make a collision all but impossible; the unique index would still catch one.
  let code = newInviteCode();
  while (await findInviteByCode(ctx.db, code)) code = newInviteCode();
  const row: InviteRow = {
    id: newId(now.getTime()),
    code,
    account_id: login.account.id,
    max_uses: opts.maxUses,
    uses: 0,
    expires_at: opts.expiresIn === null ? null : new Date(now.getTime() + opts.expiresIn * 1000).toISOString(),
    autofollow: opts.autofollow ? 1 : 0,
    created_at: now.toISOString(),
    revoked_at: null,
  };
  await insertInvite(ctx.db, row);
  return row;
}
