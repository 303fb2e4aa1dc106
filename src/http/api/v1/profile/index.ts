// DELETE /api/v1/profile/avatar and /api/v1/profile/header (Mastodon 4.2): back to the default image.
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { countPendingFollowRequests, findLoginByAccountId } from '../../../../db/repos/users.ts';
import { unauthorized } from '../../../../domain/errors.ts';
import { serializeCredentialAccount } from '../../../../serializers/account.ts';
import { removeProfileImage } from '../../../../services/media/profile-images.ts';

export const profileImagesRoutes: RouteGroup = (app, ctx) => {
  for (const kind of ['avatar', 'header'] as const) {
    app.delete(`/api/v1/profile/${kind}`, { config: { auth: { mode: 'user', scope: 'write:accounts' } } }, async (request) => {
      const updated = await removeProfileImage(ctx, currentAccount(request), kind);
      const login = await findLoginByAccountId(ctx.db, updated.id);
      if (!login) throw unauthorized();
      return serializeCredentialAccount(ctx.config, login.account, login.user, await countPendingFollowRequests(ctx.db, updated.id));
    });
  }
};
