import type { RouteGroup } from '../../../routes.ts';
import { homeTimelineRoute } from './home.ts';
import { listTimelineRoute } from './list.ts';
import { publicTimelineRoute } from './public.ts';
import { tagTimelineRoute } from './tag.ts';

export const timelinesRoutes: RouteGroup = async (app, ctx) => {
  for (const route of [homeTimelineRoute, publicTimelineRoute, tagTimelineRoute, listTimelineRoute]) await route(app, ctx);
};
