import type { RouteGroup } from '../../../routes.ts';
import { emailConfirmationsRoute } from './confirmations.ts';

export const emailsRoutes: RouteGroup = async (app, ctx) => {
  await emailConfirmationsRoute(app, ctx);
};
