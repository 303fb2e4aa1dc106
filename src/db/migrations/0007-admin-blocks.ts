// The instance's blocks: federation domain blocks and allows (stored now, applied when
// federation comes), IP ranges, e-mail domains and canonical e-mail hashes (applied at sign-up),
// the refused sign-up attempts behind an e-mail domain block's history, and the moderators'
// review of trending tags and posts.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function adminBlocks(dialect: Dialect) {
  const text = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;

  async function up(db: AnyDb): Promise<void> {
    await db.schema
      .createTable('domain_blocks')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('domain', text, (c) => c.notNull().unique())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('reject_media', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('reject_reports', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('private_comment', 'text')
      .addColumn('public_comment', 'text')
      .addColumn('obfuscate', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('updated_at', text, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('domain_allows')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('domain', text, (c) => c.notNull().unique())
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('ip_blocks')
      .addColumn('id', text, (c) => c.primaryKey())
      // Normalised CIDR text (network address / prefix); matching happens in memory.
      .addColumn('ip', text, (c) => c.notNull().unique())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('comment', 'text', (c) => c.notNull())
      .addColumn('expires_at', text)
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('updated_at', text, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('email_domain_blocks')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('domain', text, (c) => c.notNull().unique())
      .addColumn('allow_with_approval', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();

    // One row per refused (or held) sign-up, for the block's seven-day history. Only a hash of
    // the address's IP is kept: enough to count distinct sources, not to find anyone.
    await db.schema
      .createTable('email_domain_block_attempts')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('email_domain_block_id', text, (c) => c.notNull().references('email_domain_blocks.id').onDelete('cascade'))
      .addColumn('ip_hash', text, (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('email_domain_block_attempts_block').on('email_domain_block_attempts').columns(['email_domain_block_id', 'created_at']).execute();

    await db.schema
      .createTable('canonical_email_blocks')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('canonical_email_hash', text, (c) => c.notNull().unique())
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();

    // Kept apart from tags and statuses: a review is the moderators' decision, not the content's.
    await db.schema
      .createTable('trend_reviews')
      .addColumn('kind', text, (c) => c.notNull())
      .addColumn('target_id', text, (c) => c.notNull())
      .addColumn('trendable', 'integer', (c) => c.notNull())
      .addColumn('account_id', text, (c) => c.notNull())
      .addColumn('reviewed_at', text, (c) => c.notNull())
      .addPrimaryKeyConstraint('trend_reviews_pk', ['kind', 'target_id'])
      .execute();
  }

  async function down(): Promise<void> {
    throw new Error('Migrations are not reverted; restore a backup instead.');
  }

  return { up, down };
}
