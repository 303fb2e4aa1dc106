import type { RouteGroup } from '../../../routes.ts';
import { statusActionsRoute } from './actions.ts';
import { statusActorsRoute } from './actors.ts';
import { statusContextRoute } from './context.ts';
import { createStatusRoute } from './create.ts';
import { deleteStatusRoute } from './delete.ts';
import { editStatusRoute } from './edit.ts';
import { getStatusRoute } from './get.ts';
import { quotesRoute } from './quotes.ts';

export const statusesRoutes: RouteGroup = async (app, ctx) => {
  for (const route of [createStatusRoute, getStatusRoute, deleteStatusRoute, statusContextRoute, statusActorsRoute, statusActionsRoute, editStatusRoute, quotesRoute]) {
    await route(app, ctx);
  }
};
