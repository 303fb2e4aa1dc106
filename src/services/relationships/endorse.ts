// Endorse (feature on one's profile) an account one follows; Mastodon's "pin" is the older name.
import type { AppContext } from '../../context.ts';
import { deleteAccountPin, insertAccountPin } from '../../db/repos/account-pins.ts';
import { findFollowLike } from '../../db/repos/follows.ts';
import type { AccountRow } from '../../db/schema.ts';
import { unprocessable } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { loadTargetAccount } from './target.ts';

export async function endorseAccount(ctx: AppContext, actor: AccountRow, targetId: string): Promise<void> {
  const target = await loadTargetAccount(ctx, targetId);
  if (!(await findFollowLike(ctx.db, 'follows', actor.id, target.id))) throw unprocessable('You must be following this account to endorse it');
  await insertAccountPin(ctx.db, { id: newId(ctx.clock.now().getTime()), account_id: actor.id, target_account_id: target.id, created_at: ctx.clock.now().toISOString() });
}

export async function unendorseAccount(ctx: AppContext, actor: AccountRow, targetId: string): Promise<void> {
  const target = await loadTargetAccount(ctx, targetId);
  await deleteAccountPin(ctx.db, actor.id, target.id);
}
