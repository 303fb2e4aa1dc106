// GET /api/v1/conversations, POST /api/v1/conversations/:id/read, DELETE /api/v1/conversations/:id
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { parsePage, setLinkHeader } from '../../../pagination.ts';
import { conversationsPage } from '../../../../db/repos/conversations.ts';
import { readConversation, removeConversation, renderConversations } from '../../../../services/conversations/conversations.ts';

export const conversationsRoutes: RouteGroup = (app, ctx) => {
  app.get('/api/v1/conversations', { config: { auth: { mode: 'user', scope: 'read:statuses' } } }, async (request, reply) => {
    const viewer = currentAccount(request);
    const rows = await conversationsPage(ctx.db, viewer.id, parsePage(request.query, { limit: 20, max: 40 }));
    if (rows.length > 0) setLinkHeader(request, reply, ctx.config, { next: rows[rows.length - 1]!.last_status_id, prev: rows[0]!.last_status_id });
    return renderConversations(ctx, viewer, rows);
  });
  app.post<{ Params: { id: string } }>('/api/v1/conversations/:id/read', { config: { auth: { mode: 'user', scope: 'write:conversations' } } }, async (request) =>
    readConversation(ctx, currentAccount(request), request.params.id),
  );
  app.delete<{ Params: { id: string } }>('/api/v1/conversations/:id', { config: { auth: { mode: 'user', scope: 'write:conversations' } } }, async (request) => {
    await removeConversation(ctx, currentAccount(request), request.params.id);
    return {};
  });
};
