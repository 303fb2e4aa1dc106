// Computed trends: the recurring trends job replaces each kind's rows with the current
// candidates and their scores. Whether a candidate may be shown stays in trend_reviews (0007):
// the score is the content's, the decision the moderators'.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function trends(dialect: Dialect) {
  const text = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  // PostgreSQL's `real` is single precision; scores of close candidates must not collapse into ties.
  const float = dialect === 'postgres' ? sql`double precision` : sql`real`;

  async function up(db: AnyDb): Promise<void> {
    await db.schema
      .createTable('trends')
      /** tag | status */
      .addColumn('kind', text, (c) => c.notNull())
      .addColumn('target_id', text, (c) => c.notNull())
      .addColumn('score', float, (c) => c.notNull())
      /** 1 for the highest score of its kind at computed_at. */
      .addColumn('rank', 'integer', (c) => c.notNull())
      .addColumn('computed_at', text, (c) => c.notNull())
      .addPrimaryKeyConstraint('trends_pk', ['kind', 'target_id'])
      .execute();
    await db.schema.createIndex('trends_rank').on('trends').columns(['kind', 'rank']).execute();
  }

  async function down(): Promise<void> {
    throw new Error('Migrations are not reverted; restore a backup instead.');
  }

  return { up, down };
}
