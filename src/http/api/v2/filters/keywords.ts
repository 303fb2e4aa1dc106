// GET/POST /api/v2/filters/:filter_id/keywords, GET/PUT/DELETE /api/v2/filters/keywords/:id
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput } from '../../../validation.ts';
import { addKeyword, changeKeyword, listKeywords, removeKeyword, showKeyword } from '../../../../services/filters/filter-rules.ts';
import { KeywordBody, read, write, type WithId } from './params.ts';

// The filter's id is `:id` in the path (the router wants one name per position); Mastodon calls it filter_id.
export const filterKeywordsRoute: RouteGroup = (app, ctx) => {
  app.get<WithId>('/api/v2/filters/:id/keywords', read, async (request) => listKeywords(ctx, currentAccount(request), request.params.id));
  app.post<WithId>('/api/v2/filters/:id/keywords', write, async (request) =>
    addKeyword(ctx, currentAccount(request), request.params.id, parseInput(KeywordBody, paramsOf(request))),
  );
  app.get<WithId>('/api/v2/filters/keywords/:id', read, async (request) => showKeyword(ctx, currentAccount(request), request.params.id));
  app.put<WithId>('/api/v2/filters/keywords/:id', write, async (request) =>
    changeKeyword(ctx, currentAccount(request), request.params.id, parseInput(KeywordBody, paramsOf(request))),
  );
  app.delete<WithId>('/api/v2/filters/keywords/:id', write, async (request) => {
    await removeKeyword(ctx, currentAccount(request), request.params.id);
    return {};
  });
};
