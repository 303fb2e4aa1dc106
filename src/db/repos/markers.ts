// Read positions in the home and notifications timelines.
import type { Selectable } from 'kysely';
import type { Db } from '../client.ts';
import type { MarkersTable } from '../schema.ts';

export type MarkerRow = Selectable<MarkersTable>;

export async function markersOf(db: Db, accountId: string, timelines: string[]): Promise<MarkerRow[]> {
  if (timelines.length === 0) return [];
  return db.selectFrom('markers').selectAll().where('account_id', '=', accountId).where('timeline', 'in', timelines).execute();
}

/** Sets the position, bumping the version (optimistic concurrency for clients). */
export async function saveMarker(db: Db, accountId: string, timeline: string, lastReadId: string, now: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('markers').select('version').where('account_id', '=', accountId).where('timeline', '=', timeline).executeTakeFirst();
    if (existing) {
      await trx.updateTable('markers').set({ last_read_id: lastReadId, version: existing.version + 1, updated_at: now }).where('account_id', '=', accountId).where('timeline', '=', timeline).execute();
    } else {
      await trx.insertInto('markers').values({ account_id: accountId, timeline, last_read_id: lastReadId, version: 1, updated_at: now }).execute();
    }
  });
}
