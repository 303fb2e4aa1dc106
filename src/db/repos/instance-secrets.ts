// Secrets of this server (signing keys), made at first use and kept in the settings table so
// every process of the server shares them. Not settings an admin edits: never listed or shown.
import type { Executor } from '../../jobs/queue.ts';
import { randomSecret } from '../../domain/secrets.ts';

export async function instanceSecret(db: Executor, key: string, nowIso: string): Promise<string> {
  // Two processes starting at once both try; the first insert wins and both read the winner.
  await db.insertInto('settings').values({ key, value: JSON.stringify(randomSecret()), updated_at: nowIso }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return JSON.parse(row.value) as string;
}
