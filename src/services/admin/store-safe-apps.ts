// Flagging an application store-safe (src/services/authorization/store-safe-view.ts says what
// that does). Admins only; every change is in the audit log.
import type { AppContext } from '../../context.ts';
import { findAdminApp, setStoreSafe, type AdminAppRow } from '../../db/repos/admin-apps.ts';
import type { AccountRow } from '../../db/schema.ts';
import { notFound } from '../../domain/errors.ts';
import { audit } from '../moderation/audit-log.ts';

export async function changeStoreSafe(ctx: AppContext, actor: Pick<AccountRow, 'id' | 'username'>, appId: string, storeSafe: boolean): Promise<AdminAppRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const app = await findAdminApp(trx, appId);
    if (!app) throw notFound();
    if ((app.store_safe === 1) !== storeSafe) {
      await setStoreSafe(trx, appId, storeSafe);
      await audit(ctx, trx, actor, {
        action: storeSafe ? 'app.store_safe' : 'app.store_safe_off',
        targetType: 'application',
        targetId: appId,
        summary: `@${actor.username} ${storeSafe ? 'made' : 'stopped making'} the app "${app.name}" hide sensitive and held posts`,
      });
    }
    return { ...app, store_safe: storeSafe ? 1 : 0 };
  });
}
