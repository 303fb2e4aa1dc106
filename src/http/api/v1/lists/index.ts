// Lists: GET/POST /api/v1/lists, GET/PUT/DELETE /api/v1/lists/:id, GET/POST/DELETE /api/v1/lists/:id/accounts
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { setLinkHeader } from '../../../pagination.ts';
import { parseInput, zArray, zBool, zId, zInt } from '../../../validation.ts';
import { listMembersPage, listsOf } from '../../../../db/repos/lists.ts';
import { serializeList } from '../../../../serializers/list.ts';
import { accountsInOrder } from '../../../../services/relationships/account-list.ts';
import { addToList, changeList, createList, ownedList, removeFromList, removeList, REPLIES_POLICIES } from '../../../../services/lists/lists.ts';

const read = { config: { auth: { mode: 'user', scope: 'read:lists' } } } as const;
const write = { config: { auth: { mode: 'user', scope: 'write:lists' } } } as const;
const ListBody = z.object({ title: z.string().max(200).optional(), replies_policy: z.enum(REPLIES_POLICIES).optional(), exclusive: zBool.optional() });
const Members = z.object({ account_ids: zArray(zId, 250) });
const MembersQuery = z.object({ max_id: zId.optional(), since_id: zId.optional(), min_id: zId.optional(), limit: zInt(0, 80).optional() });

type WithId = { Params: { id: string } };

export const listsRoutes: RouteGroup = (app, ctx) => {
  app.get('/api/v1/lists', read, async (request) => (await listsOf(ctx.db, currentAccount(request).id)).map(serializeList));
  app.post('/api/v1/lists', write, async (request) => serializeList(await createList(ctx, currentAccount(request), parseInput(ListBody, paramsOf(request)))));
  app.get<WithId>('/api/v1/lists/:id', read, async (request) => serializeList(await ownedList(ctx, currentAccount(request), request.params.id)));
  app.put<WithId>('/api/v1/lists/:id', write, async (request) =>
    serializeList(await changeList(ctx, currentAccount(request), request.params.id, parseInput(ListBody, paramsOf(request)))),
  );
  app.delete<WithId>('/api/v1/lists/:id', write, async (request) => {
    await removeList(ctx, currentAccount(request), request.params.id);
    return {};
  });

  // Members in account id order; limit=0 means all of them, as in Mastodon.
  app.get<WithId>('/api/v1/lists/:id/accounts', read, async (request, reply) => {
    const list = await ownedList(ctx, currentAccount(request), request.params.id);
    const q = parseInput(MembersQuery, request.query);
    const limit = q.limit === 0 ? null : (q.limit ?? 40);
    const ids = await listMembersPage(ctx.db, list.id, q.max_id ?? null, limit);
    if (limit !== null && ids.length === limit) setLinkHeader(request, reply, ctx.config, { next: ids[ids.length - 1] });
    return accountsInOrder(ctx, ids);
  });
  app.post<WithId>('/api/v1/lists/:id/accounts', write, async (request) => {
    await addToList(ctx, currentAccount(request), request.params.id, parseInput(Members, paramsOf(request)).account_ids);
    return {};
  });
  app.delete<WithId>('/api/v1/lists/:id/accounts', write, async (request) => {
    await removeFromList(ctx, currentAccount(request), request.params.id, parseInput(Members, paramsOf(request)).account_ids);
    return {};
  });
};
