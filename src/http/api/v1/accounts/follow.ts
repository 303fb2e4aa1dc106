// POST /api/v1/accounts/:id/follow (reblogs, notify, languages[]).
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput, zArray, zBool } from '../../../validation.ts';
import { followAccount } from '../../../../services/relationships/follow.ts';
import { relationshipAction } from './relationship-action.ts';

const Body = z.object({
  reblogs: zBool.optional(),
  notify: zBool.optional(),
  languages: zArray(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/, { message: 'is not a language code' }), 50).nullable().optional(),
});

export const followRoute: RouteGroup = (app, ctx) => {
  relationshipAction(app, ctx, 'follow', 'write:follows', async (actor, id, request) => {
    const body = parseInput(Body, paramsOf(request));
    await followAccount(ctx, actor, id, body);
  });
};
