// Notification policy (Mastodon 4.3): each account's policy, the `filtered` flag on
// notifications it held back, one notification request per sender of filtered mentions, and
// the senders whose notifications the recipient has accepted for good.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function notificationPolicy(dialect: Dialect) {
  // Ids and times compare as strings: PostgreSQL must compare them bytewise (see 0001).
  const text = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;

  async function up(db: AnyDb): Promise<void> {
    await db.schema.alterTable('notifications').addColumn('filtered', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    // Requests count and move one sender's filtered notifications.
    await db.schema.createIndex('notifications_from_filtered').on('notifications').columns(['account_id', 'from_account_id', 'filtered']).execute();

    // No row means Mastodon's defaults (see services/notifications/policy.ts).
    await db.schema
      .createTable('notification_policies')
      .addColumn('account_id', text, (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
      .addColumn('for_not_following', 'text', (c) => c.notNull())
      .addColumn('for_not_followers', 'text', (c) => c.notNull())
      .addColumn('for_new_accounts', 'text', (c) => c.notNull())
      .addColumn('for_private_mentions', 'text', (c) => c.notNull())
      .addColumn('for_limited_accounts', 'text', (c) => c.notNull())
      .addColumn('updated_at', text, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('notification_requests')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('account_id', text, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('from_account_id', text, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('last_status_id', text, (c) => c.references('statuses.id').onDelete('set null'))
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('updated_at', text, (c) => c.notNull())
      .addUniqueConstraint('notification_requests_pair', ['account_id', 'from_account_id'])
      .execute();
    await db.schema.createIndex('notification_requests_account').on('notification_requests').columns(['account_id', 'id']).execute();

    await db.schema
      .createTable('notification_permissions')
      .addColumn('account_id', text, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('from_account_id', text, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('created_at', text, (c) => c.notNull())
      .addPrimaryKeyConstraint('notification_permissions_pk', ['account_id', 'from_account_id'])
      .execute();
  }

  async function down(): Promise<void> {
    throw new Error('Migrations are not reverted; restore a backup instead.');
  }

  return { up, down };
}
