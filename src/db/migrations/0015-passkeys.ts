// Passkeys (WebAuthn credentials): the random user handle each account shows authenticators, the
// credentials themselves, and the single-use challenges of registrations and sign-ins.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function passkeys(dialect: Dialect) {
  // Ids and times compare as strings: PostgreSQL must compare them bytewise, not by locale.
  const text = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;

  async function up(db: AnyDb): Promise<void> {
    await db.schema
      .createTable('passkey_users')
      .addColumn('account_id', text, (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
      .addColumn('user_handle', text, (c) => c.notNull().unique())
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('passkeys')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('account_id', text, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('public_key', 'text', (c) => c.notNull())
      // Signature counters are unsigned 32-bit: beyond PostgreSQL's integer.
      .addColumn('counter', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('transports', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('last_used_at', text)
      .execute();
    await db.schema.createIndex('passkeys_account').on('passkeys').column('account_id').execute();

    await db.schema
      .createTable('passkey_challenges')
      .addColumn('id', text, (c) => c.primaryKey())
      // null for a passwordless sign-in, where nobody is known yet.
      .addColumn('account_id', text, (c) => c.references('accounts.id').onDelete('cascade'))
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('browser_hash', text)
      .addColumn('expires_at', text, (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('passkey_challenges_expires').on('passkey_challenges').column('expires_at').execute();
    await db.schema.createIndex('passkey_challenges_account').on('passkey_challenges').column('account_id').execute();
  }

  async function down(): Promise<void> {
    throw new Error('Migrations are not reverted; restore a backup instead.');
  }

  return { up, down };
}
