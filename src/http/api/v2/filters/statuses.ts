// GET/POST /api/v2/filters/:filter_id/statuses, GET/DELETE /api/v2/filters/statuses/:id
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput } from '../../../validation.ts';
import { addFilterStatus, listFilterStatuses, removeFilterStatus, showFilterStatus } from '../../../../services/filters/filter-rules.ts';
import { FilterStatusBody, read, write, type WithId } from './params.ts';

export const filterStatusesRoute: RouteGroup = (app, ctx) => {
  app.get<WithId>('/api/v2/filters/:id/statuses', read, async (request) => listFilterStatuses(ctx, currentAccount(request), request.params.id));
  app.post<WithId>('/api/v2/filters/:id/statuses', write, async (request) =>
    addFilterStatus(ctx, currentAccount(request), request.params.id, parseInput(FilterStatusBody, paramsOf(request)).status_id),
  );
  app.get<WithId>('/api/v2/filters/statuses/:id', read, async (request) => showFilterStatus(ctx, currentAccount(request), request.params.id));
  app.delete<WithId>('/api/v2/filters/statuses/:id', write, async (request) => {
    await removeFilterStatus(ctx, currentAccount(request), request.params.id);
    return {};
  });
};
