// GET /api/v1/instance/domain_blocks: the domains this server limits or suspends, obfuscated
// where the admins asked, with their public comment. Parley has no setting to hide the list
// (Mastodon's show_domain_blocks), so it is public, as it was when the list was always empty.
import type { RouteGroup } from '../../../routes.ts';
import { userFacingDomainBlocks } from '../../../../db/repos/admin-domain-blocks.ts';
import { serializeDomainBlock } from '../../../../serializers/admin-blocks.ts';

export const instanceDomainBlocksRoute: RouteGroup = (app, ctx) => {
  app.get('/api/v1/instance/domain_blocks', { config: { auth: { mode: 'none' } } }, async () => (await userFacingDomainBlocks(ctx.db)).map(serializeDomainBlock));
};
