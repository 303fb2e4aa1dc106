// GET /api/v1/accounts/:id/following lives with followers (one implementation, two directions).
export { followingRoute } from './followers.ts';
