// Data portability: account archives (made by a job, kept seven days) and CSV imports of
// follows, blocks, mutes, lists and bookmarks (processed by a job in batches). The rows of an
// import wait in account_import_rows until processed; only the failed ones stay, for the
// person to download, and they are erased soon after (src/services/portability/cleanup.ts).
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function exportsImports(dialect: Dialect) {
  const text = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  // Archives with many videos pass 2 GiB, PostgreSQL's `integer`.
  const bigint = dialect === 'postgres' ? sql`bigint` : sql`integer`;

  async function up(db: AnyDb): Promise<void> {
    await db.schema
      .createTable('account_exports')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('account_id', text, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      /** pending | ready | failed */
      .addColumn('state', 'text', (c) => c.notNull())
      /** Chosen when the archive is requested, so a retried job overwrites instead of leaking files. */
      .addColumn('storage_key', text, (c) => c.notNull().unique())
      .addColumn('byte_size', bigint)
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('finished_at', text)
      .execute();
    await db.schema.createIndex('account_exports_account').on('account_exports').columns(['account_id', 'created_at']).execute();
    await db.schema.createIndex('account_exports_created').on('account_exports').column('created_at').execute();

    await db.schema
      .createTable('account_imports')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('account_id', text, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      /** following | blocking | muting | domain_blocking | bookmarks | lists */
      .addColumn('type', 'text', (c) => c.notNull())
      /** merge | overwrite */
      .addColumn('mode', 'text', (c) => c.notNull())
      /** pending (overwrite not applied yet) | processing | finished | failed */
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('total_items', 'integer', (c) => c.notNull())
      .addColumn('processed_items', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('imported_items', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('failed_items', 'integer', (c) => c.notNull().defaultTo(0))
      /** When the person first downloaded the failed rows; they are erased a day later. */
      .addColumn('failures_read_at', text)
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('finished_at', text)
      .execute();
    await db.schema.createIndex('account_imports_account').on('account_imports').columns(['account_id', 'id']).execute();

    await db.schema
      .createTable('account_import_rows')
      .addColumn('import_id', text, (c) => c.notNull().references('account_imports.id').onDelete('cascade'))
      /** Position in the file, from 0. */
      .addColumn('seq', 'integer', (c) => c.notNull())
      /** The parsed row as JSON: {acct, show_reblogs, ...} | {uri} | {domain} | {list_name, acct}. */
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('account_import_rows_pk', ['import_id', 'seq'])
      .execute();
    await db.schema.createIndex('account_import_rows_pending').on('account_import_rows').columns(['import_id', 'failed', 'seq']).execute();
  }

  async function down(): Promise<void> {
    throw new Error('Migrations are not reverted; restore a backup instead.');
  }

  return { up, down };
}
