// Store-safe applications: an admin can flag an OAuth application (an App Store build, say) so
// that its users never see posts labelled sensitive or held for review.
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function storeSafeApps(_dialect: Dialect) {
  async function up(db: AnyDb): Promise<void> {
    await db.schema.alterTable('apps').addColumn('store_safe', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  }

  async function down(): Promise<void> {
    throw new Error('Migrations are not reverted; restore a backup instead.');
  }

  return { up, down };
}
