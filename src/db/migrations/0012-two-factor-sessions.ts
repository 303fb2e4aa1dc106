// TOTP two-factor sign-in (secret, replay guard, lockout counters), its recovery codes, the
// pending second step of a web sign-in, and what the sessions list shows of web sessions and
// tokens (the device that created them, last use).
import { sql, type Kysely, type CreateTableBuilder } from 'kysely';
import type { Dialect } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Table = CreateTableBuilder<any, any>;

export function twoFactorSessions(dialect: Dialect) {
  // Ids and times compare as strings: PostgreSQL must compare them bytewise, not by locale.
  const text = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  const table = (db: AnyDb, name: string, build: (t: Table) => Table) => build(db.schema.createTable(name)).execute();
  const account = (t: Table) => t.addColumn('account_id', text, (c) => c.notNull().references('accounts.id').onDelete('cascade'));

  async function up(db: AnyDb): Promise<void> {
    await table(db, 'two_factor', (t) =>
      t
        .addColumn('account_id', text, (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('enabled_at', text)
        .addColumn('last_used_step', 'integer')
        .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failure_window_start', text)
        .addColumn('locked_until', text)
        .addColumn('created_at', text, (c) => c.notNull())
        .addColumn('updated_at', text, (c) => c.notNull()),
    );

    await table(db, 'two_factor_recovery_codes', (t) =>
      account(t)
        .addColumn('code_hash', text, (c) => c.notNull())
        .addColumn('created_at', text, (c) => c.notNull())
        .addPrimaryKeyConstraint('two_factor_recovery_codes_pk', ['account_id', 'code_hash']),
    );

    await table(db, 'pending_logins', (t) =>
      account(t.addColumn('id', text, (c) => c.primaryKey()))
        .addColumn('browser_hash', text, (c) => c.notNull())
        .addColumn('return_to', 'text', (c) => c.notNull())
        .addColumn('expires_at', text, (c) => c.notNull())
        .addColumn('created_at', text, (c) => c.notNull()),
    );
    await db.schema.createIndex('pending_logins_expires').on('pending_logins').column('expires_at').execute();

    for (const tableName of ['web_sessions', 'oauth_tokens']) {
      for (const name of ['user_agent', 'ip']) await db.schema.alterTable(tableName).addColumn(name, 'text').execute();
    }
    await db.schema.alterTable('web_sessions').addColumn('last_used_at', text).execute();
  }

  async function down(): Promise<void> {
    throw new Error('Migrations are not reverted; restore a backup instead.');
  }

  return { up, down };
}
