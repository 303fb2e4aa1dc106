// The automated content policies: posts a policy held for review, and the log of every
// automated decision that was not a plain accept, which moderators review. Also the report a
// moderator's admin.report notification names.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function contentPolicies(dialect: Dialect) {
  const text = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;

  async function up(db: AnyDb): Promise<void> {
    await db.schema.alterTable('statuses').addColumn('held_at', text).execute();
    // admin.report notifications (to moderators) point at their report.
    await db.schema.alterTable('notifications').addColumn('report_id', text).execute();
    await db.schema
      .createTable('policy_decisions')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('account_id', text, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      /** status | profile */
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', text, (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      /** JSON array of {policy, action, reason, score}. */
      .addColumn('verdicts', 'text', (c) => c.notNull())
      .addColumn('reviewed_at', text)
      .addColumn('reviewed_by_account_id', text)
      /** approved | rejected, once reviewed. */
      .addColumn('outcome', 'text')
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('policy_decisions_pending').on('policy_decisions').columns(['reviewed_at', 'id']).execute();
    await db.schema.createIndex('policy_decisions_subject').on('policy_decisions').columns(['subject_type', 'subject_id']).execute();
  }

  async function down(): Promise<void> {
    throw new Error('Migrations are not reverted; restore a backup instead.');
  }

  return { up, down };
}
