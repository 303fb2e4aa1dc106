// POST /api/v1/accounts/:id/mute (notifications, default true; duration in seconds, 0 = forever).
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput, zBool, zInt } from '../../../validation.ts';
import { muteAccount } from '../../../../services/relationships/mute.ts';
import { relationshipAction } from './relationship-action.ts';

const Body = z.object({
  notifications: zBool.optional(),
  // Up to ten years; beyond that "forever" (0) is what the client means.
  duration: zInt(0, 10 * 365 * 86400).optional(),
});

export const muteRoute: RouteGroup = (app, ctx) => {
  relationshipAction(app, ctx, 'mute', 'write:mutes', async (actor, id, request) => {
    const body = parseInput(Body, paramsOf(request));
    await muteAccount(ctx, actor, id, { notifications: body.notifications ?? true, durationSeconds: body.duration ?? 0 });
  });
};
