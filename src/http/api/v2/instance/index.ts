import type { RouteGroup } from '../../../routes.ts';
import { getInstanceV2Route } from './get.ts';

export const instanceV2Routes: RouteGroup = async (app, ctx) => {
  await getInstanceV2Route(app, ctx);
};
