// Autofollow: an account made with an invite that asks for it follows its inviter once the
// account is usable (e-mail confirmed and, where needed, approved), as Mastodon does when a new
// user is ready (BootstrapTimelineService). Called at sign-up, on confirmation and on approval;
// following twice changes nothing.
import type { AppContext } from '../../context.ts';
import { findAccountById } from '../../db/repos/accounts.ts';
import { blockedEitherWay } from '../../db/repos/blocks.ts';
import { findInviteUsedBy } from '../../db/repos/invites.ts';
import { findLoginByAccountId } from '../../db/repos/users.ts';
import { followAccount } from '../relationships/follow.ts';

export async function followInviterOnceUsable(ctx: AppContext, accountId: string): Promise<void> {
  const invite = await findInviteUsedBy(ctx.db, accountId);
  if (!invite?.autofollow) return;
  const login = await findLoginByAccountId(ctx.db, accountId);
  if (!login || !login.user.confirmed_at || login.user.approved !== 1) return;
  // An inviter who is gone, suspended or blocking since is simply not followed.
  const inviter = await findAccountById(ctx.db, invite.account_id);
  if (!inviter || inviter.suspended_at || inviter.id === accountId) return;
  if (await blockedEitherWay(ctx.db, accountId, inviter.id)) return;
  await followAccount(ctx, login.account, inviter.id, {});
}
