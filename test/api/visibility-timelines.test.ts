// Table-driven timeline rows for the visibility matrix of visibility-fixtures.ts: for every
// (visibility, viewer kind) pair, each timeline shows the post exactly when it should, and never
// shows a post the viewer may not see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../helpers/server.ts';
import { buildVisibilityWorld, expectedVisible, VIEWER_KINDS, VISIBILITY_LIST, type Vis, type ViewerKind, type VisibilityWorld } from './visibility-fixtures.ts';
import { post } from './statuses-fixtures.ts';

let s: TestServer;
let w: VisibilityWorld;
/** Top-level posts (not replies) by the author, one per visibility, mentioning `mentioned`, tagged #vistag. */
const top = {} as Record<Vis, string>;
let listId: string;

beforeAll(async () => {
  s = await createTestServer();
  w = await buildVisibilityWorld(s);
  // The follower keeps a list with the author in it.
  listId = (await w.users.follower.post('/api/v1/lists', { title: 'author' })).json().id;
  await w.users.follower.post(`/api/v1/lists/${listId}/accounts`, { account_ids: [w.users.author.id] });
  for (const v of VISIBILITY_LIST) top[v] = (await post(w.users.author, { status: `@mentioned top ${v} #vistag`, visibility: v })).id as string;
  await s.drainJobs();
});
afterAll(() => s.close());

const ids = (res: { json(): unknown }) => (res.json() as { id: string }[]).map((x) => x.id);

interface Row {
  /** Viewer kinds the timeline exists for. */
  viewers: readonly ViewerKind[];
  url: () => string;
  /** Whether the post should appear (always implies expectedVisible). */
  shows: (viewer: ViewerKind, v: Vis) => boolean;
}

const ROWS: Record<string, Row> = {
  // Fan-out: the author and followers (not for direct), never those who may not see it.
  home: {
    viewers: VIEWER_KINDS.filter((k) => k !== 'anonymous'),
    url: () => '/api/v1/timelines/home',
    shows: (viewer, v) => viewer === 'author' || (viewer === 'follower' && v !== 'direct'),
  },
  public: {
    viewers: VIEWER_KINDS,
    url: () => '/api/v1/timelines/public?limit=40',
    shows: (viewer, v) => v === 'public' && expectedVisible(v, viewer),
  },
  tag: {
    viewers: VIEWER_KINDS,
    url: () => '/api/v1/timelines/tag/vistag',
    shows: (viewer, v) => v === 'public' && expectedVisible(v, viewer),
  },
  list: {
    viewers: ['follower'],
    url: () => `/api/v1/timelines/list/${listId}`,
    shows: (_viewer, v) => v !== 'direct',
  },
  'account statuses': {
    viewers: VIEWER_KINDS,
    url: () => `/api/v1/accounts/${w.users.author.id}/statuses?limit=40`,
    shows: (viewer, v) => expectedVisible(v, viewer),
  },
};

describe.each(Object.entries(ROWS))('%s timeline', (_name, row) => {
  it.each(row.viewers.flatMap((viewer) => VISIBILITY_LIST.map((v) => [viewer, v] as const)))('viewer %s, %s post', async (viewer, v) => {
    const shows = row.shows(viewer, v);
    if (shows) expect(expectedVisible(v, viewer)).toBe(true);
    const res = await w.as(viewer, 'GET', row.url());
    expect(res.statusCode).toBe(200);
    expect(ids(res).includes(top[v])).toBe(shows);
  });
});
