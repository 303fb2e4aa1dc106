// Runs the schema migrations. They are plain TypeScript modules registered here in order.
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { DbHandle } from './client.ts';
import { initial } from './migrations/0001-initial.ts';
import { media } from './migrations/0002-media.ts';

function provider(handle: DbHandle): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return { '0001-initial': initial(handle.dialect), '0002-media': media(handle.dialect) };
    },
  };
}

export async function migrateToLatest(handle: DbHandle): Promise<string[]> {
  const migrator = new Migrator({ db: handle.db, provider: provider(handle) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
