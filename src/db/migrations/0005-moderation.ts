// Moderation: the report queue (assignment, a response deadline, escalation), moderators'
// notes on reports, and the audit log of every moderator and admin action. The audit log is
// append-only in the database itself: triggers refuse every update and delete.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** The deadline reports filed before this migration get: a day after they were filed. */
const BACKFILL_HOURS = 24;

export function moderation(dialect: Dialect) {
  const text = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;

  async function up(db: AnyDb): Promise<void> {
    for (const column of ['assigned_account_id', 'action_taken_by_account_id', 'deadline_at', 'escalated_at']) {
      await db.schema.alterTable('reports').addColumn(column, text).execute();
    }
    const rows = await db.selectFrom('reports').select(['id', 'created_at']).execute();
    for (const r of rows as { id: string; created_at: string }[]) {
      const deadline = new Date(Date.parse(r.created_at) + BACKFILL_HOURS * 3600_000).toISOString();
      await db.updateTable('reports').set({ deadline_at: deadline }).where('id', '=', r.id).execute();
    }
    await db.schema.createIndex('reports_open_deadline').on('reports').columns(['action_taken_at', 'deadline_at']).execute();

    await db.schema
      .createTable('report_notes')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('report_id', text, (c) => c.notNull().references('reports.id').onDelete('cascade'))
      .addColumn('account_id', text, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('report_notes_report').on('report_notes').columns(['report_id', 'id']).execute();

    await db.schema
      .createTable('admin_action_logs')
      .addColumn('id', text, (c) => c.primaryKey())
      // No foreign key: the log outlives the accounts it names.
      .addColumn('account_id', text, (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_type', 'text', (c) => c.notNull())
      .addColumn('target_id', text, (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('admin_action_logs_account').on('admin_action_logs').columns(['account_id', 'id']).execute();
    await db.schema.createIndex('admin_action_logs_target').on('admin_action_logs').columns(['target_type', 'target_id', 'id']).execute();

    if (dialect === 'postgres') {
      await sql`create function admin_action_logs_append_only() returns trigger language plpgsql as $$
        begin raise exception 'admin_action_logs is append-only'; end $$`.execute(db);
      await sql`create trigger admin_action_logs_no_change before update or delete on admin_action_logs
        for each row execute function admin_action_logs_append_only()`.execute(db);
    } else {
      await sql`create trigger admin_action_logs_no_update before update on admin_action_logs
        begin select raise(abort, 'admin_action_logs is append-only'); end`.execute(db);
      await sql`create trigger admin_action_logs_no_delete before delete on admin_action_logs
        begin select raise(abort, 'admin_action_logs is append-only'); end`.execute(db);
    }
  }

  async function down(): Promise<void> {
    throw new Error('Migrations are not reverted; restore a backup instead.');
  }

  return { up, down };
}
