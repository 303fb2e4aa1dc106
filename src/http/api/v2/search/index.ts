// GET /api/v2/search: accounts, hashtags and statuses matching q.
import type { RouteGroup } from '../../../routes.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { viewerOf } from '../../../plugins/auth.ts';
import { renderStatuses } from '../../../../hydration/render-statuses.ts';
import { search } from '../../../../services/search/search.ts';
import { clampLimit, parseSearchInput, requireSignedInFor, SearchQuery } from '../../../../services/search/search-input.ts';
import { serializeAccount } from '../../../../serializers/account.ts';
import { serializeSearchTag, type SearchJson } from '../../../../serializers/search.ts';

export const searchV2Routes: RouteGroup = (app, ctx) => {
  app.get('/api/v2/search', { config: { auth: { mode: 'public', scope: 'read:search' } } }, async (request): Promise<SearchJson> => {
    const input = parseSearchInput(SearchQuery, paramsOf(request));
    const viewer = viewerOf(request);
    requireSignedInFor(!!viewer, input.resolve, input.offset);
    const found = await search(ctx, viewer, {
      q: input.q,
      type: input.type,
      following: input.following ?? false,
      accountId: input.account_id,
      maxId: input.max_id,
      minId: input.min_id,
      limit: clampLimit(input.limit, 20, 40),
      // Like Mastodon, offset only pages a search restricted to one type.
      offset: input.type ? (input.offset ?? 0) : 0,
    });
    return {
      accounts: found.accounts.map((a) => serializeAccount(ctx.config, a)),
      statuses: await renderStatuses(ctx, found.statusIds, viewer),
      hashtags: found.tags.map((t) => serializeSearchTag(ctx.config, t, viewer ? found.followedTagIds.has(t.id) : undefined)),
    };
  });
};
