// Media: every stored file is registered in media_files (so nothing on disk is unaccounted
// for and an account's files can all be found), attachments describe uploads, and accounts
// point at their avatar and header files by storage key.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function media(dialect: Dialect) {
  const text = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;

  async function up(db: AnyDb): Promise<void> {
    await db.schema.alterTable('accounts').renameColumn('avatar_url', 'avatar_file').execute();
    await db.schema.alterTable('accounts').renameColumn('header_url', 'header_file').execute();
    await db.schema.alterTable('status_edits').addColumn('media', 'text').execute();

    await db.schema
      .createTable('media_attachments')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('account_id', text, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      // set null, not cascade: an attachment whose status vanished becomes an orphan that the
      // cleanup job erases with its files, instead of a row deleted with its files left behind.
      .addColumn('status_id', text, (c) => c.references('statuses.id').onDelete('set null'))
      .addColumn('scheduled_status_id', text, (c) => c.references('scheduled_statuses.id').onDelete('set null'))
      .addColumn('position', 'integer')
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('error', 'text')
      .addColumn('incoming_name', 'text')
      .addColumn('file_key', text)
      .addColumn('preview_key', text)
      .addColumn('meta', 'text')
      .addColumn('blurhash', 'text')
      .addColumn('description', 'text')
      .addColumn('focus_x', 'real')
      .addColumn('focus_y', 'real')
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('updated_at', text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('media_attachments_status').on('media_attachments').columns(['status_id', 'position']).execute();
    await db.schema.createIndex('media_attachments_account').on('media_attachments').columns(['account_id', 'id']).execute();
    await db.schema.createIndex('media_attachments_scheduled').on('media_attachments').column('scheduled_status_id').execute();
    await db.schema.createIndex('media_attachments_updated').on('media_attachments').column('updated_at').execute();

    await db.schema
      .createTable('media_files')
      .addColumn('key', text, (c) => c.primaryKey())
      .addColumn('account_id', text, (c) => c.notNull())
      .addColumn('attachment_id', text)
      /** original | preview | avatar | header */
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('media_files_account').on('media_files').column('account_id').execute();
    await db.schema.createIndex('media_files_attachment').on('media_files').column('attachment_id').execute();
  }

  async function down(): Promise<void> {
    throw new Error('Migrations are not reverted; restore a backup instead.');
  }

  return { up, down };
}
