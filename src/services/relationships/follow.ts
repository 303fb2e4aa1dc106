// Follow an account, or update the options of an existing follow or pending request.
// Locked accounts get a follow request; others are followed at once and their recent posts
// are merged into the follower's home feed by a job.
import type { AppContext } from '../../context.ts';
import { blockedEitherWay } from '../../db/repos/blocks.ts';
import { adjustFollowCounters, findFollowLike, insertFollowLike, updateFollowOptions } from '../../db/repos/follows.ts';
import type { AccountRow } from '../../db/schema.ts';
import { forbidden } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { JOB } from '../../jobs/types.ts';
import { loadTargetAccount, refuseSelf } from './target.ts';

export interface FollowOptions {
  reblogs?: boolean;
  notify?: boolean;
  /** null or [] means every language. */
  languages?: string[] | null;
}

export async function followAccount(ctx: AppContext, follower: AccountRow, targetId: string, opts: FollowOptions): Promise<void> {
  const target = await loadTargetAccount(ctx, targetId);
  refuseSelf(follower, target, 'follow');
  if (await blockedEitherWay(ctx.db, follower.id, target.id)) throw forbidden();

  const set: { show_reblogs?: 0 | 1; notify?: 0 | 1; languages?: string | null } = {};
  if (opts.reblogs !== undefined) set.show_reblogs = opts.reblogs ? 1 : 0;
  if (opts.notify !== undefined) set.notify = opts.notify ? 1 : 0;
  if (opts.languages !== undefined) set.languages = opts.languages && opts.languages.length > 0 ? JSON.stringify(opts.languages) : null;

  await ctx.db.transaction().execute(async (trx) => {
    for (const table of ['follows', 'follow_requests'] as const) {
      const existing = await findFollowLike(trx, table, follower.id, target.id);
      if (existing) {
        await updateFollowOptions(trx, table, existing.id, set);
        return;
      }
    }
    const row = {
      id: newId(ctx.clock.now().getTime()),
      account_id: follower.id,
      target_account_id: target.id,
      show_reblogs: set.show_reblogs ?? 1,
      notify: set.notify ?? 0,
      languages: set.languages ?? null,
      created_at: ctx.clock.now().toISOString(),
    } as const;
    if (target.locked) {
      if (await insertFollowLike(trx, 'follow_requests', row)) {
        await ctx.queue.enqueue(trx, JOB.notify, { type: 'follow_request', accountId: target.id, fromAccountId: follower.id });
      }
      return;
    }
    if (!(await insertFollowLike(trx, 'follows', row))) return;
    await adjustFollowCounters(trx, follower.id, target.id, 1);
    await ctx.queue.enqueue(trx, JOB.notify, { type: 'follow', accountId: target.id, fromAccountId: follower.id });
    await ctx.queue.enqueue(trx, JOB.mergeIntoHome, { accountId: follower.id, targetAccountId: target.id });
  });
}
