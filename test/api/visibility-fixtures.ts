// The visibility matrix shared by every status-returning endpoint: one author, one post per
// visibility, and one viewer of each kind. Helper C adds timeline rows by importing
// `buildVisibilityWorld` and `expectedVisible` and writing one check per endpoint.
import type { LightMyRequestResponse } from 'fastify';
import type { TestServer, TestUser } from '../helpers/server.ts';
import { block, follow, post } from './statuses-fixtures.ts';

export const VISIBILITY_LIST = ['public', 'unlisted', 'private', 'direct'] as const;
export type Vis = (typeof VISIBILITY_LIST)[number];
export const VIEWER_KINDS = ['anonymous', 'author', 'follower', 'stranger', 'blockedByAuthor', 'blockerOfAuthor', 'mentioned'] as const;
export type ViewerKind = (typeof VIEWER_KINDS)[number];

/** The rule, written out as a table so a change in it shows up as a diff here. */
const VISIBLE: Record<Vis, ViewerKind[]> = {
  public: ['anonymous', 'author', 'follower', 'stranger', 'mentioned'],
  unlisted: ['anonymous', 'author', 'follower', 'stranger', 'mentioned'],
  private: ['author', 'follower', 'mentioned'],
  direct: ['author', 'mentioned'],
};

export function expectedVisible(visibility: Vis, viewer: ViewerKind): boolean {
  return VISIBLE[visibility].includes(viewer);
}

export interface VisibilityWorld {
  users: Record<Exclude<ViewerKind, 'anonymous'>, TestUser>;
  /** A public post by a bystander that each `statuses[v]` replies to (for descendants). */
  root: { id: string };
  /** One post per visibility, mentioning `mentioned`, with a poll. */
  statuses: Record<Vis, { id: string; pollId: string }>;
  /** A public reply by the author to each `statuses[v]` (for ancestors). */
  replies: Record<Vis, { id: string }>;
  /** Calls `url` as the viewer (anonymous without a token). */
  as(viewer: ViewerKind, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export async function buildVisibilityWorld(s: TestServer): Promise<VisibilityWorld> {
  const users = {
    author: await s.createUser('author'),
    follower: await s.createUser('follower'),
    stranger: await s.createUser('stranger'),
    blockedByAuthor: await s.createUser('blockedbyauthor'),
    blockerOfAuthor: await s.createUser('blockerofauthor'),
    mentioned: await s.createUser('mentioned'),
  };
  const bystander = await s.createUser('bystander');
  await follow(s, users.follower, users.author);
  await block(s, users.author, users.blockedByAuthor);
  await block(s, users.blockerOfAuthor, users.author);
  const root = await post(bystander, { status: 'thread root' });
  const statuses = {} as VisibilityWorld['statuses'];
  const replies = {} as VisibilityWorld['replies'];
  for (const v of VISIBILITY_LIST) {
    const st = await post(users.author, { status: `@mentioned ${v} post`, visibility: v, in_reply_to_id: root.id, poll: { options: ['a', 'b'], expires_in: 3600 } });
    statuses[v] = { id: st.id, pollId: st.poll.id };
    replies[v] = { id: (await post(users.author, { status: `public reply to ${v}`, visibility: 'public', in_reply_to_id: st.id })).id as string };
  }
  return {
    users,
    root: { id: root.id as string },
    statuses,
    replies,
    as(viewer, method, url, payload) {
      if (viewer === 'anonymous') return s.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as string }) });
      const u = users[viewer];
      return method === 'GET' ? u.get(url) : u.post(url, payload);
    },
  };
}
