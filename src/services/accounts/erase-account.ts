// Erasing an account: everything the person wrote, uploaded, followed, saved and set goes;
// only the account row stays, emptied, so the username stays reserved and nobody can take over
// the name (and what others quoted of it). Runs as a job in batches, so an account with
// thousands of posts never holds one long transaction; each batch is idempotent.
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../jobs/queue.ts';
import { JOB } from '../../jobs/types.ts';
import { eraseAttachments, eraseFiles } from '../media/erase-media.ts';
import { removeStatus } from '../statuses/delete-status.ts';

const STATUS_BATCH = 100;

/** The account row including deleted ones (the usual lookups leave those out). */
const accountRow = (ctx: AppContext, id: string) => ctx.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();

/** Deletes up to a batch of the account's posts (and others' echoes of them). Returns how many. */
async function eraseStatusBatch(ctx: AppContext, accountId: string): Promise<number> {
  const statuses = await ctx.db.selectFrom('statuses').selectAll().where('account_id', '=', accountId).orderBy('id').limit(STATUS_BATCH).execute();
  if (statuses.length === 0) return 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const status of statuses) {
      for (const reblog of await trx.selectFrom('statuses').selectAll().where('reblog_of_id', '=', status.id).execute()) await removeStatus(ctx, trx, reblog);
      await removeStatus(ctx, trx, status);
    }
  });
  return statuses.length;
}

/** Follows end both ways with the other side's counters fixed. */
async function eraseFollows(trx: Executor, accountId: string): Promise<void> {
  await trx.updateTable('accounts').set({ followers_count: sql`case when followers_count > 0 then followers_count - 1 else 0 end` }).where('id', 'in', (eb) => eb.selectFrom('follows').select('target_account_id').where('account_id', '=', accountId)).execute();
  await trx.updateTable('accounts').set({ following_count: sql`case when following_count > 0 then following_count - 1 else 0 end` }).where('id', 'in', (eb) => eb.selectFrom('follows').select('account_id').where('target_account_id', '=', accountId)).execute();
  for (const column of ['account_id', 'target_account_id'] as const) {
    await trx.deleteFrom('follows').where(column, '=', accountId).execute();
    await trx.deleteFrom('follow_requests').where(column, '=', accountId).execute();
  }
}

/** Everything else of the account, once its posts are gone; the row is emptied, not deleted. */
async function eraseTheRest(ctx: AppContext, accountId: string): Promise<string | null> {
  const account = await accountRow(ctx, accountId);
  const user = await ctx.db.selectFrom('users').select('email').where('account_id', '=', accountId).executeTakeFirst();
  const nowIso = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await eraseFollows(trx, accountId);
    const byAccount = ['favourites', 'bookmarks', 'status_pins', 'poll_votes', 'tag_follows', 'featured_tags', 'markers', 'conversations', 'conversation_mutes', 'scheduled_statuses', 'idempotency_keys', 'web_sessions', 'web_push_subscriptions', 'oauth_codes', 'oauth_tokens', 'password_resets', 'filters', 'notification_policies', 'notification_requests', 'notification_permissions', 'list_accounts', 'two_factor', 'two_factor_recovery_codes', 'pending_logins', 'passkeys', 'passkey_users', 'passkey_challenges'] as const;
    for (const table of byAccount) await trx.deleteFrom(table).where('account_id', '=', accountId).execute();
    for (const [table, column] of [['blocks', 'target_account_id'], ['mutes', 'target_account_id'], ['account_notes', 'target_account_id'], ['account_pins', 'target_account_id'], ['notifications', 'from_account_id'], ['notification_requests', 'from_account_id'], ['notification_permissions', 'from_account_id']] as const) {
      await trx.deleteFrom(table).where(column, '=', accountId).execute();
    }
    for (const table of ['blocks', 'mutes', 'account_notes', 'account_pins', 'notifications', 'lists'] as const) await trx.deleteFrom(table).where('account_id', '=', accountId).execute();
    await trx.deleteFrom('feed_entries').where('feed', '=', `home:${accountId}`).execute();
    await trx.deleteFrom('feed_entries').where('account_id', '=', accountId).execute();
    await trx.deleteFrom('apps').where('owner_account_id', '=', accountId).execute();
    // Uploads never posted, then every other file of theirs (avatar, header).
    await eraseAttachments(ctx, trx, await trx.selectFrom('media_attachments').selectAll().where('account_id', '=', accountId).execute());
    await eraseFiles(ctx, trx, (await trx.selectFrom('media_files').select('key').where('account_id', '=', accountId).execute()).map((f) => f.key));
    // What they wrote in reports they filed is theirs; the reports stay for the moderators.
    await trx.updateTable('reports').set({ comment: '' }).where('account_id', '=', accountId).execute();
    await trx.deleteFrom('users').where('account_id', '=', accountId).execute();
    await trx
      .updateTable('accounts')
      .set({ display_name: '', note: '', note_html: '', fields: '[]', avatar_file: null, header_file: null, locked: 0, bot: 0, discoverable: 0, indexable: 0, statuses_count: 0, followers_count: 0, following_count: 0, last_status_at: null, deleted_at: account?.deleted_at ?? nowIso, updated_at: nowIso })
      .where('id', '=', accountId)
      .execute();
  });
  return user?.email ?? null;
}

/** JOB.eraseAccount: one batch of posts per run, then the rest; re-enqueues itself until done. */
export async function eraseAccountStep(ctx: AppContext, accountId: string): Promise<void> {
  const account = await accountRow(ctx, accountId);
  if (!account || !account.deleted_at) return;
  if ((await eraseStatusBatch(ctx, accountId)) > 0) {
    await ctx.queue.enqueue(ctx.db, JOB.eraseAccount, { accountId });
    return;
  }
  const email = await eraseTheRest(ctx, accountId);
  if (email && ctx.mailer.enabled) {
    await ctx.queue.enqueue(ctx.db, JOB.sendEmail, { to: email, subject: `Your account on ${ctx.config.domain} has been deleted`, text: `Your account @${account.username} and everything in it have been erased from ${ctx.config.domain}. The name stays reserved so that nobody else can use it.\n` });
  }
}
