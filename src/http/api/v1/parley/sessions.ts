// Parley's sessions API for the web app's security settings:
//   GET    /api/v1/parley/sessions      the account's live web sessions and OAuth tokens
//   DELETE /api/v1/parley/sessions/:id  ends one (a token is revoked, a web session deleted)
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { webSessionIdOf } from '../../../web/session.ts';
import { listSessions, revokeSession } from '../../../../services/auth/sessions-list.ts';

export const sessionsRoutes: RouteGroup = (app, ctx) => {
  const read = { config: { auth: { mode: 'user', scope: 'read:accounts' } as const } };
  const write = { config: { auth: { mode: 'user', scope: 'write:accounts' } as const } };

  app.get('/api/v1/parley/sessions', read, async (request) =>
    listSessions(ctx, currentAccount(request).id, { tokenId: request.auth!.token.id, webSessionId: webSessionIdOf(request) }),
  );

  app.delete<{ Params: { id: string } }>('/api/v1/parley/sessions/:id', write, async (request) => {
    await revokeSession(ctx, currentAccount(request).id, request.params.id);
    return {};
  });
};
