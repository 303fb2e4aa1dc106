// Runs the schema migrations. They are plain TypeScript modules registered here in order.
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { DbHandle } from './client.ts';
import { initial } from './migrations/0001-initial.ts';
import { media } from './migrations/0002-media.ts';
import { filters } from './migrations/0003-filters.ts';
import { notificationPolicy } from './migrations/0004-notification-policy.ts';
import { moderation } from './migrations/0005-moderation.ts';
import { accountModeration } from './migrations/0006-account-moderation.ts';
import { contentPolicies } from './migrations/0008-content-policies.ts';
import { storeSafeApps } from './migrations/0009-store-safe-apps.ts';
import { hideFromLoggedOut } from './migrations/0013-hide-from-logged-out.ts';
import { trends } from './migrations/0010-trends.ts';
import { exportsImports } from './migrations/0011-exports-imports.ts';
import { adminBlocks } from './migrations/0007-admin-blocks.ts';
import { twoFactorSessions } from './migrations/0012-two-factor-sessions.ts';
import { invites } from './migrations/0014-invites.ts';
import { passkeys } from './migrations/0015-passkeys.ts';

function provider(handle: DbHandle): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return { '0001-initial': initial(handle.dialect), '0002-media': media(handle.dialect), '0003-filters': filters(handle.dialect), '0004-notification-policy': notificationPolicy(handle.dialect), '0005-moderation': moderation(handle.dialect), '0006-account-moderation': accountModeration(handle.dialect), '0008-content-policies': contentPolicies(handle.dialect), '0007-admin-blocks': adminBlocks(handle.dialect), '0009-store-safe-apps': storeSafeApps(handle.dialect), '0013-hide-from-logged-out': hideFromLoggedOut(handle.dialect), '0010-trends': trends(handle.dialect), '0011-exports-imports': exportsImports(handle.dialect), '0012-two-factor-sessions': twoFactorSessions(handle.dialect), '0014-invites': invites(handle.dialect), '0015-passkeys': passkeys(handle.dialect) };
    },
  };
}

export async function migrateToLatest(handle: DbHandle): Promise<string[]> {
  // Migrations are independent additions, and branches developed side by side number theirs in
  // whatever order they merge: a database that ran a later one still takes an earlier newcomer.
  const migrator = new Migrator({ db: handle.db, provider: provider(handle), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
