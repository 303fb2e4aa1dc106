// The deprecated v1 filters: GET/POST /api/v1/filters, GET/PUT/DELETE /api/v1/filters/:id.
// Each v1 filter is a keyword of a v2 filter (src/services/filters/v1-filters.ts).
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput, zBool } from '../../../validation.ts';
import { changeV1Filter, createV1Filter, listV1Filters, removeV1Filter, showV1Filter } from '../../../../services/filters/v1-filters.ts';
import { read, write, zContexts, zExpiresIn, type WithId } from '../../v2/filters/params.ts';

const V1Body = z.object({
  phrase: z.string().optional(),
  context: zContexts.optional(),
  irreversible: zBool.optional(),
  whole_word: zBool.optional(),
  expires_in: zExpiresIn.optional(),
});

export const filtersV1Routes: RouteGroup = (app, ctx) => {
  app.get('/api/v1/filters', read, async (request) => listV1Filters(ctx, currentAccount(request)));
  app.post('/api/v1/filters', write, async (request) => createV1Filter(ctx, currentAccount(request), parseInput(V1Body, paramsOf(request))));
  app.get<WithId>('/api/v1/filters/:id', read, async (request) => showV1Filter(ctx, currentAccount(request), request.params.id));
  app.put<WithId>('/api/v1/filters/:id', write, async (request) => changeV1Filter(ctx, currentAccount(request), request.params.id, parseInput(V1Body, paramsOf(request))));
  app.delete<WithId>('/api/v1/filters/:id', write, async (request) => {
    await removeV1Filter(ctx, currentAccount(request), request.params.id);
    return {};
  });
};
