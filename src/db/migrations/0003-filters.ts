// Content filters (Mastodon's filters v2; the v1 API is a view over the same rows): a filter
// belongs to one account and holds keywords and/or statuses.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function filters(dialect: Dialect) {
  const text = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;

  async function up(db: AnyDb): Promise<void> {
    await db.schema
      .createTable('filters')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('account_id', text, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('context', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('expires_at', text)
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('updated_at', text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('filters_account').on('filters').columns(['account_id', 'id']).execute();

    await db.schema
      .createTable('filter_keywords')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('filter_id', text, (c) => c.notNull().references('filters.id').onDelete('cascade'))
      .addColumn('keyword', 'text', (c) => c.notNull())
      .addColumn('whole_word', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('filter_keywords_filter').on('filter_keywords').columns(['filter_id', 'id']).execute();

    await db.schema
      .createTable('filter_statuses')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('filter_id', text, (c) => c.notNull().references('filters.id').onDelete('cascade'))
      .addColumn('status_id', text, (c) => c.notNull().references('statuses.id').onDelete('cascade'))
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('filter_statuses_filter_status').on('filter_statuses').columns(['filter_id', 'status_id']).unique().execute();
    await db.schema.createIndex('filter_statuses_status').on('filter_statuses').column('status_id').execute();
  }

  async function down(): Promise<void> {
    throw new Error('Migrations are not reverted; restore a backup instead.');
  }

  return { up, down };
}
