import type { RouteGroup } from '../../../routes.ts';
import { instanceActivityRoute } from './activity.ts';
import { instanceDocumentsRoute } from './documents.ts';
import { instanceDomainBlocksRoute } from './domain-blocks.ts';
import { getInstanceV1Route } from './get.ts';
import { instanceLanguagesRoute } from './languages.ts';
import { instancePeersRoute } from './peers.ts';
import { instanceRulesRoute } from './rules.ts';
import { instanceTranslationLanguagesRoute } from './translation-languages.ts';

export const instanceRoutes: RouteGroup = async (app, ctx) => {
  for (const route of [
    getInstanceV1Route,
    instanceRulesRoute,
    instancePeersRoute,
    instanceActivityRoute,
    instanceLanguagesRoute,
    instanceTranslationLanguagesRoute,
    instanceDomainBlocksRoute,
    instanceDocumentsRoute,
  ])
    await route(app, ctx);
};
