// DELETE /api/v1/statuses/:id: deletes the author's status and answers it with its source text.
// delete_media=true erases its media at once; otherwise they are kept a day for a redraft.
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { renderStatus } from '../../../../hydration/render-statuses.ts';
import { deleteStatus } from '../../../../services/statuses/delete-status.ts';
import { isId } from '../../../../domain/ids.ts';
import { notFound } from '../../../../domain/errors.ts';
import { paramsOf } from '../../../plugins/body.ts';

export const deleteStatusRoute: RouteGroup = (app, ctx) => {
  app.delete<{ Params: { id: string } }>('/api/v1/statuses/:id', { config: { auth: { mode: 'user', scope: 'write:statuses' } } }, async (request) => {
    const account = currentAccount(request);
    const { id } = request.params;
    if (!isId(id)) throw notFound();
    // Rendered before deletion: afterwards nothing is left to render.
    const json = await renderStatus(ctx, id, account);
    const deleteMedia = ['true', '1', 'on'].includes(String(paramsOf(request).delete_media ?? '').toLowerCase());
    const row = await deleteStatus(ctx, account, id, { keepMediaForRedraft: !deleteMedia });
    return { ...json, text: row.text ?? '' };
  });
};
