// GET /api/v1/preferences: the posting and reading defaults clients apply.
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { findLoginByAccountId } from '../../../../db/repos/users.ts';
import { unauthorized } from '../../../../domain/errors.ts';

export const preferencesRoute: RouteGroup = (app, ctx) => {
  app.get('/api/v1/preferences', { config: { auth: { mode: 'user', scope: 'read:accounts' } } }, async (request) => {
    const login = await findLoginByAccountId(ctx.db, currentAccount(request).id);
    if (!login) throw unauthorized();
    return {
      'posting:default:visibility': login.user.default_visibility,
      'posting:default:sensitive': login.user.default_sensitive === 1,
      'posting:default:language': login.user.default_language,
      'posting:default:quote_policy': login.account.quote_policy,
      'reading:expand:media': 'default',
      'reading:expand:spoilers': false,
    };
  });
};
