// POST /api/v1/accounts/:id/note: the viewer's private note about an account ("" removes it).
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput } from '../../../validation.ts';
import { setAccountNote } from '../../../../db/repos/account-notes.ts';
import { loadTargetAccount } from '../../../../services/relationships/target.ts';
import { relationshipAction } from './relationship-action.ts';

const Body = z.object({ comment: z.string().max(2000).nullable().optional() });

export const noteRoute: RouteGroup = (app, ctx) => {
  relationshipAction(app, ctx, 'note', 'write:accounts', async (actor, id, request) => {
    const body = parseInput(Body, paramsOf(request));
    const target = await loadTargetAccount(ctx, id);
    await setAccountNote(ctx.db, actor.id, target.id, (body.comment ?? '').trim(), ctx.clock.now().toISOString());
  });
};
