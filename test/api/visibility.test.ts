// Table-driven: every (visibility, viewer kind) pair against every status endpoint of helper B.
// To add an endpoint, add one entry to CHECKS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../helpers/server.ts';
import { buildVisibilityWorld, expectedVisible, VIEWER_KINDS, VISIBILITY_LIST, type Vis, type ViewerKind, type VisibilityWorld } from './visibility-fixtures.ts';

let s: TestServer;
let w: VisibilityWorld;
beforeAll(async () => {
  s = await createTestServer();
  w = await buildVisibilityWorld(s);
});
afterAll(() => s.close());

type Check = (w: VisibilityWorld, viewer: ViewerKind, v: Vis, visible: boolean) => Promise<void>;
const ids = (res: { json(): unknown }) => (res.json() as { id: string }[]).map((x) => x.id);
const signedIn = (viewer: ViewerKind) => viewer !== 'anonymous';

const CHECKS: Record<string, Check> = {
  'GET /statuses/:id': async (w, viewer, v, visible) => {
    const res = await w.as(viewer, 'GET', `/api/v1/statuses/${w.statuses[v].id}`);
    expect(res.statusCode).toBe(visible ? 200 : 404);
  },
  'GET /statuses?id[]': async (w, viewer, v, visible) => {
    const res = await w.as(viewer, 'GET', `/api/v1/statuses?id[]=${w.statuses[v].id}&id[]=${w.root.id}`);
    expect(ids(res)).toEqual(visible ? [w.statuses[v].id, w.root.id] : [w.root.id]);
  },
  'context (as descendant)': async (w, viewer, v, visible) => {
    const res = await w.as(viewer, 'GET', `/api/v1/statuses/${w.root.id}/context`);
    expect(res.statusCode).toBe(200);
    expect((res.json() as { descendants: { id: string }[] }).descendants.some((d) => d.id === w.statuses[v].id)).toBe(visible);
  },
  'context (as ancestor)': async (w, viewer, v, visible) => {
    const res = await w.as(viewer, 'GET', `/api/v1/statuses/${w.replies[v].id}/context`);
    // The reply itself is public by the author: blocked viewers cannot see it at all.
    if (viewer === 'blockedByAuthor' || viewer === 'blockerOfAuthor') return expect(res.statusCode).toBe(404);
    expect((res.json() as { ancestors: { id: string }[] }).ancestors.map((a) => a.id)).toEqual(visible ? [w.root.id, w.statuses[v].id] : [w.root.id]);
  },
  'reblogged_by / favourited_by': async (w, viewer, v, visible) => {
    for (const kind of ['reblogged_by', 'favourited_by']) {
      expect((await w.as(viewer, 'GET', `/api/v1/statuses/${w.statuses[v].id}/${kind}`)).statusCode).toBe(visible ? 200 : 404);
    }
  },
  'favourite / bookmark / reblog': async (w, viewer, v, visible) => {
    const id = w.statuses[v].id;
    if (!signedIn(viewer)) {
      expect((await w.as(viewer, 'POST', `/api/v1/statuses/${id}/favourite`)).statusCode).toBe(401);
      return;
    }
    for (const [act, undo] of [['favourite', 'unfavourite'], ['bookmark', 'unbookmark']]) {
      expect((await w.as(viewer, 'POST', `/api/v1/statuses/${id}/${act}`)).statusCode).toBe(visible ? 200 : 404);
      if (visible) await w.as(viewer, 'POST', `/api/v1/statuses/${id}/${undo}`);
    }
    const reblog = await w.as(viewer, 'POST', `/api/v1/statuses/${id}/reblog`);
    expect(reblog.statusCode).toBe(!visible ? 404 : v === 'public' || v === 'unlisted' ? 200 : 403);
    if (reblog.statusCode === 200) await w.as(viewer, 'POST', `/api/v1/statuses/${id}/unreblog`);
  },
  'GET /polls/:id and vote': async (w, viewer, v, visible) => {
    expect((await w.as(viewer, 'GET', `/api/v1/polls/${w.statuses[v].pollId}`)).statusCode).toBe(visible ? 200 : 404);
    if (!visible && signedIn(viewer)) expect((await w.as(viewer, 'POST', `/api/v1/polls/${w.statuses[v].pollId}/votes`, { choices: [0] })).statusCode).toBe(404);
  },
  'GET /statuses/:id/quotes (author only)': async (w, viewer, v, visible) => {
    const res = await w.as(viewer, 'GET', `/api/v1/statuses/${w.statuses[v].id}/quotes`);
    expect(res.statusCode).toBe(!signedIn(viewer) ? 401 : viewer === 'author' ? 200 : visible ? 403 : 404);
  },
  'quote attempt': async (w, viewer, v, visible) => {
    if (!signedIn(viewer) || viewer === 'author') return;
    const res = await w.as(viewer, 'POST', '/api/v1/statuses', { status: 'quoting', quoted_status_id: w.statuses[v].id });
    expect(res.statusCode).toBe(!visible ? 404 : v === 'public' || v === 'unlisted' ? 200 : 403);
    if (res.statusCode === 200) await s.ctx.db.deleteFrom('statuses').where('id', '=', (res.json() as { id: string }).id).execute();
  },
  'GET /statuses/:id/history': async (w, viewer, v, visible) => {
    expect((await w.as(viewer, 'GET', `/api/v1/statuses/${w.statuses[v].id}/history`)).statusCode).toBe(visible ? 200 : 404);
  },
  'GET /statuses/:id/source (author only)': async (w, viewer, v) => {
    const res = await w.as(viewer, 'GET', `/api/v1/statuses/${w.statuses[v].id}/source`);
    expect(res.statusCode).toBe(!signedIn(viewer) ? 401 : viewer === 'author' ? 200 : 404);
  },
};

const cases = VISIBILITY_LIST.flatMap((v) => VIEWER_KINDS.map((viewer) => [v, viewer, expectedVisible(v, viewer)] as const));

describe.each(Object.entries(CHECKS))('%s', (_name, check) => {
  it.each(cases)('%s post, %s viewer (visible: %s)', async (v, viewer, visible) => {
    await check(w, viewer, v, visible);
  });
});

describe('reblogs follow their original', () => {
  it('hides a reblog from those who may not see the original, and suspended authors from everyone', async () => {
    const reblog = (await w.users.follower.post(`/api/v1/statuses/${w.statuses.public.id}/reblog`)).json() as { id: string };
    expect((await w.as('stranger', 'GET', `/api/v1/statuses/${reblog.id}`)).statusCode).toBe(200);
    expect((await w.as('blockedByAuthor', 'GET', `/api/v1/statuses/${reblog.id}`)).statusCode).toBe(404);
    await s.ctx.db.updateTable('accounts').set({ suspended_at: new Date().toISOString() }).where('id', '=', w.users.author.id).execute();
    expect((await w.as('anonymous', 'GET', `/api/v1/statuses/${w.statuses.public.id}`)).statusCode).toBe(404);
    expect((await w.as('follower', 'GET', `/api/v1/statuses/${reblog.id}`)).statusCode).toBe(404);
    await s.ctx.db.updateTable('accounts').set({ suspended_at: null }).where('id', '=', w.users.author.id).execute();
  });
});
