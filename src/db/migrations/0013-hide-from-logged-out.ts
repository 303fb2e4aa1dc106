// A person may hide their posts from people who are not signed in (profiles and posts stay
// public to every logged-in account of the server).
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function hideFromLoggedOut(_dialect: Dialect) {
  async function up(db: AnyDb): Promise<void> {
    await db.schema.alterTable('accounts').addColumn('hide_from_logged_out', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  }

  async function down(): Promise<void> {
    throw new Error('Migrations are not reverted; restore a backup instead.');
  }

  return { up, down };
}
