import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertStatus } from '../../src/db/repos/statuses.ts';
import { newId } from '../../src/domain/ids.ts';
import { channel } from '../../src/infra/streams.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

let s: TestServer;
let base: string;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
let ts = Date.now() - 3600_000;

async function postStatus(author: TestUser, text: string, visibility = 'public'): Promise<string> {
  ts += 1000;
  const id = newId(ts);
  await insertStatus(s.ctx.db, {
    id, account_id: author.id, text, content_html: `<p>${text}</p>`, spoiler_text: '', sensitive: 0, visibility, language: 'en',
    in_reply_to_id: null, in_reply_to_account_id: null, reblog_of_id: null, quote_of_id: null, quote_state: null, conversation_id: newId(ts),
    application_id: null, poll_id: null, replies_count: 0, reblogs_count: 0, favourites_count: 0, quotes_count: 0, quote_policy: 'public',
    created_at: new Date(ts).toISOString(), edited_at: null,
  });
  return id;
}

interface Msg { stream: string[]; event: string; payload?: string; error?: string; status?: number }

/** A WebSocket client that records every message and can wait for one. */
async function connect(query: string, protocols?: string): Promise<{ ws: WebSocket; msgs: Msg[]; next(pred: (m: Msg) => boolean): Promise<Msg>; close(): void }> {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/api/v1/streaming${query}`, protocols);
  const msgs: Msg[] = [];
  const waiters: { pred: (m: Msg) => boolean; resolve: (m: Msg) => void }[] = [];
  ws.addEventListener('message', (e) => {
    const m = JSON.parse(String(e.data)) as Msg;
    msgs.push(m);
    for (const w of [...waiters]) if (w.pred(m)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(m); }
  });
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve());
    ws.addEventListener('error', () => reject(new Error('connection refused')));
  });
  return {
    ws,
    msgs,
    next(pred) {
      const found = msgs.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        waiters.push({ pred, resolve });
        setTimeout(() => reject(new Error(`no matching message; got ${JSON.stringify(msgs)}`)), 3000).unref();
      });
    },
    close: () => ws.close(),
  };
}

const publish = (ch: string, event: string, ids: { statusId?: string; notificationId?: string }) => s.ctx.events.publish(ch, { event, ...ids });

beforeAll(async () => {
  s = await createTestServer();
  base = await s.app.listen({ port: 0, host: '127.0.0.1' });
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
  carol = await s.createUser('carol');
});
afterAll(() => s.close());

describe('streaming health', () => {
  it('answers OK', async () => {
    const res = await fetch(`${base}/api/v1/streaming/health`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('OK');
  });
});

describe('WebSocket streaming', () => {
  it('refuses connections without a valid user token', async () => {
    await expect(connect('?stream=public')).rejects.toThrow();
    await expect(connect('?stream=public&access_token=bogus')).rejects.toThrow();
  });

  it('streams public updates rendered for the viewer, and deletes as bare ids', async () => {
    const c = await connect(`?stream=public&access_token=${alice.token}`);
    try {
      const id = await postStatus(bob, 'hello world');
      await publish(channel.public(), 'update', { statusId: id });
      const m = await c.next((x) => x.event === 'update');
      expect(m.stream).toEqual(['public']);
      expect(typeof m.payload).toBe('string');
      expect(JSON.parse(m.payload!)).toMatchObject({ id, content: '<p>hello world</p>', account: { id: bob.id }, favourited: false });
      await publish(channel.public(), 'delete', { statusId: id });
      expect(await c.next((x) => x.event === 'delete')).toEqual({ stream: ['public'], event: 'delete', payload: id });
    } finally {
      c.close();
    }
  });

  it('accepts the token as Sec-WebSocket-Protocol and echoes it, with subscribe / unsubscribe messages', async () => {
    const c = await connect('', alice.token);
    try {
      expect(c.ws.protocol).toBe(alice.token);
      c.ws.send(JSON.stringify({ type: 'subscribe', stream: 'hashtag', tag: 'Cats' }));
      c.ws.send(JSON.stringify({ type: 'subscribe', stream: 'public:local' }));
      // Subscriptions are processed asynchronously: wait until one delivers.
      const first = await postStatus(bob, 'first #cats');
      for (let i = 0; i < 20 && !c.msgs.some((m) => m.event === 'update'); i++) {
        await publish(channel.hashtag('cats'), 'update', { statusId: first });
        await new Promise((r) => setTimeout(r, 50));
      }
      expect((await c.next((m) => m.event === 'update')).stream).toEqual(['hashtag', 'Cats']);
      c.ws.send(JSON.stringify({ type: 'unsubscribe', stream: 'hashtag', tag: 'cats' }));
      await new Promise((r) => setTimeout(r, 100));
      const before = c.msgs.length;
      const second = await postStatus(bob, 'second #cats');
      await publish(channel.hashtag('cats'), 'update', { statusId: second });
      await publish(channel.publicLocal(), 'update', { statusId: second });
      const sentinel = await c.next((m) => m.stream[0] === 'public:local');
      expect(JSON.parse(sentinel.payload!).id).toBe(second);
      expect(c.msgs.slice(before).filter((m) => m.stream[0] === 'hashtag')).toEqual([]);
    } finally {
      c.close();
    }
  });

  it('answers bad subscriptions with an error message and keeps the connection', async () => {
    const carolsList = newId();
    await s.ctx.db.insertInto('lists').values({ id: carolsList, account_id: carol.id, title: 'Mine', replies_policy: 'list', exclusive: 0, created_at: new Date().toISOString() }).execute();
    const c = await connect(`?access_token=${alice.token}`);
    try {
      c.ws.send(JSON.stringify({ type: 'subscribe', stream: 'nonsense' }));
      expect(await c.next((m) => !!m.error)).toEqual({ error: 'Unknown stream type', status: 400 });
      c.ws.send('not json');
      expect(await c.next((m) => m.error === 'Could not parse message')).toMatchObject({ status: 400 });
      c.ws.send(JSON.stringify({ type: 'subscribe', stream: 'hashtag' }));
      expect(await c.next((m) => m.error === 'No tag for stream provided')).toMatchObject({ status: 400 });
      c.ws.send(JSON.stringify({ type: 'subscribe', stream: 'list', list: carolsList }));
      expect(await c.next((m) => m.error === 'List not found')).toMatchObject({ status: 404 });
      expect(c.ws.readyState).toBe(WebSocket.OPEN);
    } finally {
      c.close();
    }
  });

  it('streams the viewer’s own list', async () => {
    const listId = newId();
    await s.ctx.db.insertInto('lists').values({ id: listId, account_id: alice.id, title: 'Friends', replies_policy: 'list', exclusive: 0, created_at: new Date().toISOString() }).execute();
    const c = await connect(`?stream=list&list=${listId}&access_token=${alice.token}`);
    try {
      const id = await postStatus(bob, 'for the list');
      await publish(channel.list(listId), 'update', { statusId: id });
      expect((await c.next((m) => m.event === 'update')).stream).toEqual(['list', listId]);
    } finally {
      c.close();
    }
  });

  it('applies visibility and skips authors the viewer blocks or mutes', async () => {
    const c = await connect(`?stream=public&access_token=${alice.token}`);
    try {
      const hidden = await postStatus(carol, 'followers only', 'private');
      await publish(channel.public(), 'update', { statusId: hidden });
      await s.ctx.db.insertInto('blocks').values({ id: newId(), account_id: alice.id, target_account_id: carol.id, created_at: new Date().toISOString() }).execute();
      const blocked = await postStatus(carol, 'from a blocked account');
      await publish(channel.public(), 'update', { statusId: blocked });
      const dave = await s.createUser('dave');
      await s.ctx.db.insertInto('mutes').values({ id: newId(), account_id: alice.id, target_account_id: dave.id, hide_notifications: 1, expires_at: null, created_at: new Date().toISOString() }).execute();
      const muted = await postStatus(dave, 'from a muted account');
      await publish(channel.public(), 'update', { statusId: muted });
      const ok = await postStatus(bob, 'visible');
      await publish(channel.public(), 'update', { statusId: ok });
      await c.next((m) => m.event === 'update');
      expect(c.msgs.map((m) => JSON.parse(m.payload!).id)).toEqual([ok]);
    } finally {
      c.close();
    }
  });

  it('sends notifications on user and user:notification, only notifications on the latter', async () => {
    const c = await connect(`?stream=user:notification&access_token=${bob.token}`);
    try {
      const statusId = await postStatus(bob, 'liked post');
      const notificationId = newId();
      await s.ctx.db.insertInto('notifications').values({ id: notificationId, account_id: bob.id, from_account_id: alice.id, type: 'favourite', status_id: statusId, created_at: new Date().toISOString() }).execute();
      await publish(channel.user(bob.id), 'update', { statusId });
      await publish(channel.user(bob.id), 'notification', { notificationId });
      const m = await c.next((x) => x.event === 'notification');
      expect(m.stream).toEqual(['user:notification']);
      expect(JSON.parse(m.payload!)).toMatchObject({ id: notificationId, type: 'favourite', account: { id: alice.id }, status: { id: statusId } });
      expect(c.msgs.filter((x) => x.event === 'update')).toEqual([]);
    } finally {
      c.close();
    }
  });
});

describe('server-sent events', () => {
  async function openSse(path: string, token?: string) {
    const ctrl = new AbortController();
    const res = await fetch(`${base}/api/v1/streaming/${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: ctrl.signal });
    return { res, ctrl };
  }

  it('refuses unknown channels with 400 and missing tokens with 401', async () => {
    const unknown = await openSse('nope', alice.token);
    expect(unknown.res.status).toBe(400);
    expect(await unknown.res.json()).toEqual({ error: 'Unknown channel requested' });
    const anon = await openSse('public');
    expect(anon.res.status).toBe(401);
    const noTag = await openSse('hashtag', alice.token);
    expect(noTag.res.status).toBe(400);
  });

  it('streams events as event/data lines', async () => {
    const { res, ctrl } = await openSse('public/local', alice.token);
    try {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      text += decoder.decode((await reader.read()).value);
      const id = await postStatus(bob, 'over sse');
      await publish(channel.publicLocal(), 'update', { statusId: id });
      await publish(channel.publicLocal(), 'delete', { statusId: id });
      while (!text.includes('event: delete')) text += decoder.decode((await reader.read()).value);
      const update = /event: update\ndata: (.*)\n\n/.exec(text);
      expect(JSON.parse(update![1]!)).toMatchObject({ id, content: '<p>over sse</p>' });
      expect(text).toContain(`event: delete\ndata: ${id}\n\n`);
    } finally {
      ctrl.abort();
    }
  });
});

describe('end to end: statuses posted through the API', () => {
  it('reach followers’ user streams and hashtag streams, then their deletion too', async () => {
    const poster = await s.createUser('poster');
    const fan = await s.createUser('fan');
    expect((await fan.post(`/api/v1/accounts/${poster.id}/follow`)).statusCode).toBe(200);
    await s.drainJobs();
    const home = await connect(`?stream=user&access_token=${fan.token}`);
    const tag = await connect(`?stream=hashtag&tag=streamtest&access_token=${alice.token}`);
    try {
      const res = await poster.post('/api/v1/statuses', { status: 'live from the API #streamtest' });
      expect(res.statusCode).toBe(200);
      const id = res.json().id as string;
      await s.drainJobs();
      const h = await home.next((m) => m.event === 'update');
      expect(h.stream).toEqual(['user']);
      expect(JSON.parse(h.payload!)).toMatchObject({ id, account: { id: poster.id } });
      expect(JSON.parse((await tag.next((m) => m.event === 'update')).payload!).id).toBe(id);

      expect((await poster.delete(`/api/v1/statuses/${id}`)).statusCode).toBe(200);
      await s.drainJobs();
      expect(await home.next((m) => m.event === 'delete')).toEqual({ stream: ['user'], event: 'delete', payload: id });
      expect(await tag.next((m) => m.event === 'delete')).toEqual({ stream: ['hashtag', 'streamtest'], event: 'delete', payload: id });
    } finally {
      home.close();
      tag.close();
    }
  });

  it('delivers a favourite notification to the author', async () => {
    const author = await s.createUser('author');
    const liker = await s.createUser('liker');
    const c = await connect(`?stream=user&access_token=${author.token}`);
    try {
      const id = (await author.post('/api/v1/statuses', { status: 'like me' })).json().id as string;
      await s.drainJobs();
      expect((await liker.post(`/api/v1/statuses/${id}/favourite`)).statusCode).toBe(200);
      await s.drainJobs();
      const m = await c.next((x) => x.event === 'notification');
      expect(JSON.parse(m.payload!)).toMatchObject({ type: 'favourite', account: { id: liker.id }, status: { id } });
    } finally {
      c.close();
    }
  });
});

describe('end to end: direct messages', () => {
  it('send a conversation event on the direct stream of the mentioned account', async () => {
    const sender = await s.createUser('sender');
    const receiver = await s.createUser('receiver');
    const c = await connect(`?stream=direct&access_token=${receiver.token}`);
    try {
      const res = await sender.post('/api/v1/statuses', { status: '@receiver psst', visibility: 'direct' });
      expect(res.statusCode).toBe(200);
      await s.drainJobs();
      const m = await c.next((x) => x.event === 'conversation');
      expect(m.stream).toEqual(['direct']);
      expect(JSON.parse(m.payload!)).toMatchObject({ last_status: { id: res.json().id }, accounts: [{ id: sender.id }] });
    } finally {
      c.close();
    }
  });
});
