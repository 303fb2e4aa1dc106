// GET /api/v1/apps/verify_credentials: the application of the presented token.
import type { RouteGroup } from '../../../routes.ts';
import { findAppById } from '../../../../db/repos/apps.ts';
import { unauthorized } from '../../../../domain/errors.ts';
import { serializeApplication } from '../../../../serializers/application.ts';
import { vapidPublicKey } from '../../../../services/push/vapid.ts';

export const verifyAppCredentialsRoute: RouteGroup = (app, ctx) => {
  app.get('/api/v1/apps/verify_credentials', { config: { auth: { mode: 'app' } } }, async (request) => {
    const found = await findAppById(ctx.db, request.auth!.token.app_id);
    if (!found) throw unauthorized();
    const json = serializeApplication(found, { vapidKey: await vapidPublicKey(ctx) });
    // Mastodon reports the token's scopes here, not the app's registered ones.
    json.scopes = [...request.auth!.scopes];
    return json;
  });
};
