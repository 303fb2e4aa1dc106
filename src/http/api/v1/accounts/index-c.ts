// Helper C's account routes: the social graph around one account.
import type { RouteGroup } from '../../../routes.ts';
import { blockRoute } from './block.ts';
import { accountEndorsementsRoute } from './endorsements.ts';
import { accountFeaturedTagsRoute } from './featured-tags.ts';
import { familiarFollowersRoute } from './familiar-followers.ts';
import { followRoute } from './follow.ts';
import { followersRoute } from './followers.ts';
import { followingRoute } from './following.ts';
import { accountListsRoute } from './lists.ts';
import { muteRoute } from './mute.ts';
import { noteRoute } from './note.ts';
import { pinRoute } from './pin.ts';
import { relationshipsRoute } from './relationships.ts';
import { accountStatusesRoute } from './statuses.ts';
import { removeFromFollowersRoute } from './remove-from-followers.ts';
import { unblockRoute } from './unblock.ts';
import { unfollowRoute } from './unfollow.ts';
import { unmuteRoute } from './unmute.ts';

export const accountsRoutesC: RouteGroup = async (app, ctx) => {
  for (const route of [
    relationshipsRoute, familiarFollowersRoute, followRoute, unfollowRoute, removeFromFollowersRoute, blockRoute, unblockRoute,
    muteRoute, unmuteRoute, noteRoute, pinRoute, followersRoute, followingRoute, accountEndorsementsRoute, accountListsRoute,
    accountStatusesRoute, accountFeaturedTagsRoute,
  ]) await route(app, ctx);
};
