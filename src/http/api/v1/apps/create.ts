// POST /api/v1/apps: register a client application.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput, zArray } from '../../../validation.ts';
import { createApp } from '../../../../services/apps/create-app.ts';
import { serializeApplication } from '../../../../serializers/application.ts';
import { vapidPublicKey } from '../../../../services/push/vapid.ts';

const Body = z.object({
  client_name: z.string({ message: "can't be blank" }).max(200),
  // Mastodon accepts a newline-separated string or (since 4.3) an array.
  redirect_uris: z.union([z.string(), zArray(z.string(), 20)], { message: "can't be blank" }),
  scopes: z.string().max(2000).optional(),
  website: z.string().max(2000).optional().nullable(),
});

export const createAppRoute: RouteGroup = (app, ctx) => {
  app.post('/api/v1/apps', async (request) => {
    const body = parseInput(Body, paramsOf(request));
    const uris = Array.isArray(body.redirect_uris) ? body.redirect_uris : body.redirect_uris.split(/\s*\n\s*/);
    const row = await createApp(ctx, {
      name: body.client_name,
      redirectUris: uris.map((u) => u.trim()).filter(Boolean),
      scopes: body.scopes,
      website: body.website,
    });
    return serializeApplication(row, { credentials: true, vapidKey: await vapidPublicKey(ctx) });
  });
};
