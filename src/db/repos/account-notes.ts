// Private notes one account keeps about another.
import type { Db } from '../client.ts';

export async function setAccountNote(db: Db, accountId: string, targetId: string, comment: string, now: string): Promise<void> {
  if (comment === '') {
    await db.deleteFrom('account_notes').where('account_id', '=', accountId).where('target_account_id', '=', targetId).execute();
    return;
  }
  await db
    .insertInto('account_notes')
    .values({ account_id: accountId, target_account_id: targetId, comment, updated_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'target_account_id']).doUpdateSet({ comment, updated_at: now }))
    .execute();
}

export async function notesAbout(db: Db, accountId: string, targetIds: string[]): Promise<Map<string, string>> {
  if (targetIds.length === 0) return new Map();
  const rows = await db.selectFrom('account_notes').select(['target_account_id', 'comment']).where('account_id', '=', accountId).where('target_account_id', 'in', targetIds).execute();
  return new Map(rows.map((r) => [r.target_account_id, r.comment]));
}
