import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

let s: TestServer;
let alice: TestUser, bob: TestUser, carol: TestUser;
beforeAll(async () => {
  s = await createTestServer();
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
  carol = await s.createUser('carol');
  await alice.post(`/api/v1/accounts/${bob.id}/follow`);
  await s.drainJobs();
});
afterAll(() => s.close());

const countLists = async () => Number((await s.ctx.db.selectFrom('lists').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('lists', () => {
  let listId: string;
  it('creates, reads, updates and lists', async () => {
    const res = await alice.post('/api/v1/lists', { title: 'Friends', replies_policy: 'followed', exclusive: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: expect.any(String), title: 'Friends', replies_policy: 'followed', exclusive: true });
    listId = res.json().id;
    expect((await alice.put(`/api/v1/lists/${listId}`, { title: 'Pals', exclusive: 'false' })).json()).toMatchObject({ title: 'Pals', exclusive: false, replies_policy: 'followed' });
    expect((await alice.get(`/api/v1/lists/${listId}`)).json().title).toBe('Pals');
    expect((await alice.get('/api/v1/lists')).json().map((l: { id: string }) => l.id)).toEqual([listId]);
    expect((await bob.get(`/api/v1/lists/${listId}`)).statusCode).toBe(404);
    expect((await bob.get('/api/v1/lists')).json()).toEqual([]);
  });

  it('refuses bad input without changing anything', async () => {
    const before = await countLists();
    expect((await alice.post('/api/v1/lists', { title: '  ' })).statusCode).toBe(422);
    expect((await alice.post('/api/v1/lists', { title: 'x', replies_policy: 'everyone' })).statusCode).toBe(422);
    expect((await alice.put(`/api/v1/lists/${listId}`, { title: '' })).statusCode).toBe(422);
    expect(await countLists()).toBe(before);
    expect((await alice.get(`/api/v1/lists/${listId}`)).json().title).toBe('Pals');
    expect((await bob.put(`/api/v1/lists/${listId}`, { title: 'mine' })).statusCode).toBe(404);
  });

  it('adds only followed accounts, lists and removes members', async () => {
    const bad = await alice.post(`/api/v1/lists/${listId}/accounts`, { account_ids: [carol.id] });
    expect(bad.statusCode).toBe(422);
    expect((await alice.post(`/api/v1/lists/${listId}/accounts`, 'account_ids[]=' + bob.id, { headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode).toBe(200);
    expect((await alice.get(`/api/v1/lists/${listId}/accounts`)).json().map((a: { id: string }) => a.id)).toEqual([bob.id]);
    expect((await alice.get(`/api/v1/accounts/${bob.id}/lists`)).json().map((l: { id: string }) => l.id)).toEqual([listId]);
    expect((await alice.post(`/api/v1/lists/${listId}/accounts`, { account_ids: ['nope'] })).statusCode).toBe(422);
    expect((await alice.delete(`/api/v1/lists/${listId}/accounts`, { account_ids: [bob.id] })).statusCode).toBe(200);
    expect((await alice.get(`/api/v1/lists/${listId}/accounts`)).json()).toEqual([]);
  });

  it('an exclusive list keeps its members out of home; unfollowing drops the member', async () => {
    const ex = (await alice.post('/api/v1/lists', { title: 'Only here', exclusive: true })).json();
    await alice.post(`/api/v1/lists/${ex.id}/accounts`, { account_ids: [bob.id] });
    const p = (await bob.post('/api/v1/statuses', { status: 'in the list' })).json().id;
    await s.drainJobs();
    expect((await alice.get(`/api/v1/timelines/list/${ex.id}`)).json().map((x: { id: string }) => x.id)).toContain(p);
    expect((await alice.get('/api/v1/timelines/home')).json().map((x: { id: string }) => x.id)).not.toContain(p);
    await alice.post(`/api/v1/accounts/${bob.id}/unfollow`);
    await s.drainJobs();
    expect((await alice.get(`/api/v1/lists/${ex.id}/accounts`)).json()).toEqual([]);
  });

  it('deletes', async () => {
    expect((await bob.delete(`/api/v1/lists/${listId}`)).statusCode).toBe(404);
    expect((await alice.delete(`/api/v1/lists/${listId}`)).statusCode).toBe(200);
    expect((await alice.get(`/api/v1/lists/${listId}`)).statusCode).toBe(404);
  });
});
