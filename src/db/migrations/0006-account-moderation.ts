// Moderation of accounts: limits (silenced), forced-sensitive media, disabled logins, the
// strikes (account warnings) each action leaves, and the one appeal a person may make of each.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function accountModeration(dialect: Dialect) {
  const text = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;

  async function up(db: AnyDb): Promise<void> {
    await db.schema.alterTable('accounts').addColumn('silenced_at', text).execute();
    await db.schema.alterTable('accounts').addColumn('sensitized_at', text).execute();
    await db.schema.alterTable('users').addColumn('disabled_at', text).execute();
    // moderation_warning notifications point at the strike they announce.
    await db.schema.alterTable('notifications').addColumn('account_warning_id', text).execute();

    await db.schema
      .createTable('account_warnings')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('target_account_id', text, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      // No foreign key: a strike outlives the moderator's account.
      .addColumn('account_id', text, (c) => c.notNull())
      .addColumn('report_id', text, (c) => c.references('reports.id').onDelete('set null'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('status_ids', 'text')
      .addColumn('rule_ids', 'text')
      .addColumn('overruled_at', text)
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('account_warnings_target').on('account_warnings').columns(['target_account_id', 'id']).execute();

    await db.schema
      .createTable('appeals')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('account_warning_id', text, (c) => c.notNull().unique().references('account_warnings.id').onDelete('cascade'))
      .addColumn('account_id', text, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('approved_at', text)
      .addColumn('rejected_at', text)
      .addColumn('decided_by_account_id', text)
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('appeals_pending').on('appeals').columns(['approved_at', 'rejected_at', 'id']).execute();
  }

  async function down(): Promise<void> {
    throw new Error('Migrations are not reverted; restore a backup instead.');
  }

  return { up, down };
}
