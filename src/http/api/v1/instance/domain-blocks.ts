// GET /api/v1/instance/domain_blocks. Without federation there are no domain blocks, so the
// (empty) list is shown to everyone rather than hidden behind Mastodon's 404.
import type { RouteGroup } from '../../../routes.ts';

export const instanceDomainBlocksRoute: RouteGroup = (app) => {
  app.get('/api/v1/instance/domain_blocks', { config: { auth: { mode: 'none' } } }, async () => [] as unknown[]);
};
