import type { RouteGroup } from '../../../routes.ts';
import { filterKeywordsRoute } from './keywords.ts';
import { filtersRoute } from './filters.ts';
import { filterStatusesRoute } from './statuses.ts';

export const filtersV2Routes: RouteGroup = async (app, ctx) => {
  for (const route of [filtersRoute, filterKeywordsRoute, filterStatusesRoute]) await route(app, ctx);
};
