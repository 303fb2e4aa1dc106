// Block / unblock. A block ends follows and requests in both directions.
import type { AppContext } from '../../context.ts';
import { deleteBlock, insertBlock } from '../../db/repos/blocks.ts';
import type { AccountRow } from '../../db/schema.ts';
import { newId } from '../../domain/ids.ts';
import { loadTargetAccount, refuseSelf } from './target.ts';
import { dropFollow } from './unfollow.ts';

export async function blockAccount(ctx: AppContext, actor: AccountRow, targetId: string): Promise<void> {
  const target = await loadTargetAccount(ctx, targetId);
  refuseSelf(actor, target, 'block');
  await ctx.db.transaction().execute(async (trx) => {
    await insertBlock(trx, { id: newId(ctx.clock.now().getTime()), account_id: actor.id, target_account_id: target.id, created_at: ctx.clock.now().toISOString() });
    await dropFollow(ctx, trx, actor.id, target.id);
    await dropFollow(ctx, trx, target.id, actor.id);
  });
}

export async function unblockAccount(ctx: AppContext, actor: AccountRow, targetId: string): Promise<void> {
  const target = await loadTargetAccount(ctx, targetId);
  await deleteBlock(ctx.db, actor.id, target.id);
}
