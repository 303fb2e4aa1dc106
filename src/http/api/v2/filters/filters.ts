// GET/POST /api/v2/filters, GET/PUT/DELETE /api/v2/filters/:id
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput } from '../../../validation.ts';
import { changeFilter, createFilter, listFilters, removeFilter, showFilter } from '../../../../services/filters/filters.ts';
import { FilterBody, read, write, type WithId } from './params.ts';

export const filtersRoute: RouteGroup = (app, ctx) => {
  app.get('/api/v2/filters', read, async (request) => listFilters(ctx, currentAccount(request)));
  app.post('/api/v2/filters', write, async (request) => createFilter(ctx, currentAccount(request), parseInput(FilterBody, paramsOf(request))));
  app.get<WithId>('/api/v2/filters/:id', read, async (request) => showFilter(ctx, currentAccount(request), request.params.id));
  app.put<WithId>('/api/v2/filters/:id', write, async (request) => changeFilter(ctx, currentAccount(request), request.params.id, parseInput(FilterBody, paramsOf(request))));
  app.delete<WithId>('/api/v2/filters/:id', write, async (request) => {
    await removeFilter(ctx, currentAccount(request), request.params.id);
    return {};
  });
};
