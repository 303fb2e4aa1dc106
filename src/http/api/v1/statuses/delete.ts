// DELETE /api/v1/statuses/:id: deletes the author's status and answers it with its source text.
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { renderStatus } from '../../../../hydration/render-statuses.ts';
import { deleteStatus } from '../../../../services/statuses/delete-status.ts';
import { isId } from '../../../../domain/ids.ts';
import { notFound } from '../../../../domain/errors.ts';

export const deleteStatusRoute: RouteGroup = (app, ctx) => {
  app.delete<{ Params: { id: string } }>('/api/v1/statuses/:id', { config: { auth: { mode: 'user', scope: 'write:statuses' } } }, async (request) => {
    const account = currentAccount(request);
    const { id } = request.params;
    if (!isId(id)) throw notFound();
    // Rendered before deletion: afterwards nothing is left to render.
    const json = await renderStatus(ctx, id, account);
    const row = await deleteStatus(ctx, account, id);
    return { ...json, text: row.text ?? '' };
  });
};
