// Invite codes (sign-up mode "invite", and invites in the other modes): who made each, how often
// it may be used and until when, and which account signed up with which invite.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function invites(dialect: Dialect) {
  // Ids, codes and times compare as strings: PostgreSQL must compare them bytewise, not by locale.
  const text = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;

  async function up(db: AnyDb): Promise<void> {
    await db.schema
      .createTable('invites')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('code', text, (c) => c.notNull().unique())
      .addColumn('account_id', text, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('max_uses', 'integer')
      .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('expires_at', text)
      .addColumn('autofollow', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('revoked_at', text)
      .execute();
    await db.schema.createIndex('invites_account').on('invites').columns(['account_id', 'id']).execute();

    // One row per account that signed up with an invite (Mastodon's users.invite_id, kept apart
    // from the users table).
    await db.schema
      .createTable('invite_uses')
      .addColumn('account_id', text, (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
      .addColumn('invite_id', text, (c) => c.notNull().references('invites.id').onDelete('cascade'))
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('invite_uses_invite').on('invite_uses').column('invite_id').execute();
  }

  async function down(): Promise<void> {
    throw new Error('Migrations are not reverted; restore a backup instead.');
  }

  return { up, down };
}
