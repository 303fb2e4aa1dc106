// GET /api/v1/statuses/:id/reblogged_by and /favourited_by: accounts, paged by the reblog/favourite ids.
import type { RouteGroup } from '../../../routes.ts';
import { viewerOf } from '../../../plugins/auth.ts';
import { parsePage, setLinkHeader } from '../../../pagination.ts';
import { findAccountsByIds } from '../../../../db/repos/accounts.ts';
import { markPage } from '../../../../db/repos/status-marks.ts';
import { reblogPage } from '../../../../db/repos/statuses.ts';
import { blockedEitherWayAmong } from '../../../../db/repos/visibility.ts';
import { serializeAccount } from '../../../../serializers/account.ts';
import { loadVisibleOriginal } from '../../../../services/statuses/load-visible-status.ts';

export const statusActorsRoute: RouteGroup = (app, ctx) => {
  for (const kind of ['reblogged_by', 'favourited_by'] as const) {
    app.get<{ Params: { id: string } }>(`/api/v1/statuses/:id/${kind}`, { config: { auth: { mode: 'public', scope: 'read:accounts' } } }, async (request, reply) => {
      const viewer = viewerOf(request);
      const page = parsePage(request.query, { limit: 40, max: 80 });
      const status = await loadVisibleOriginal(ctx, request.params.id, viewer);
      const rows = kind === 'reblogged_by' ? await reblogPage(ctx.db, status.id, page) : await markPage(ctx.db, 'favourites', { statusId: status.id }, page);
      const accounts = new Map((await findAccountsByIds(ctx.db, rows.map((r) => r.account_id))).filter((a) => !a.suspended_at).map((a) => [a.id, a]));
      const hidden = viewer ? await blockedEitherWayAmong(ctx.db, viewer.id, [...accounts.keys()]) : new Set<string>();
      setLinkHeader(request, reply, ctx.config, { next: rows.at(-1)?.id, prev: rows[0]?.id });
      return rows.flatMap((r) => {
        const a = accounts.get(r.account_id);
        return a && !hidden.has(a.id) ? [serializeAccount(ctx.config, a)] : [];
      });
    });
  }
};
