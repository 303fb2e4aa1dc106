// GET /api/v1/accounts/search: accounts by username / display name prefix or exact acct.
import type { RouteGroup } from '../../../routes.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { viewerOf } from '../../../plugins/auth.ts';
import { findAccounts } from '../../../../services/search/search.ts';
import { clampLimit, parseSearchInput, requireSignedInFor, SearchQuery } from '../../../../services/search/search-input.ts';
import { serializeAccount } from '../../../../serializers/account.ts';

const Query = SearchQuery.pick({ q: true, resolve: true, following: true, limit: true, offset: true });

export const accountsSearchRoute: RouteGroup = (app, ctx) => {
  app.get('/api/v1/accounts/search', { config: { auth: { mode: 'public', scope: 'read:accounts' } } }, async (request) => {
    const input = parseSearchInput(Query, paramsOf(request));
    const viewer = viewerOf(request);
    requireSignedInFor(!!viewer, input.resolve, input.offset);
    const accounts = await findAccounts(ctx, viewer, {
      q: input.q,
      following: input.following ?? false,
      limit: clampLimit(input.limit, 40, 80),
      offset: input.offset ?? 0,
    });
    return accounts.map((a) => serializeAccount(ctx.config, a));
  });
};
