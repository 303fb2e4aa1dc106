import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

let s: TestServer;
let alice: TestUser, bob: TestUser, carol: TestUser;
beforeAll(async () => {
  s = await createTestServer();
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
  carol = await s.createUser('carol');
});
afterAll(() => s.close());

describe('conversations', () => {
  it('tracks direct messages per participant, unread for recipients', async () => {
    const dm = (await alice.post('/api/v1/statuses', { status: '@bob secret', visibility: 'direct' })).json().id;
    await s.drainJobs();
    const mine = (await alice.get('/api/v1/conversations')).json();
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ unread: false, accounts: [expect.objectContaining({ id: bob.id })], last_status: expect.objectContaining({ id: dm }) });
    const theirs = (await bob.get('/api/v1/conversations')).json();
    expect(theirs[0]).toMatchObject({ unread: true, accounts: [expect.objectContaining({ id: alice.id })] });
    expect((await carol.get('/api/v1/conversations')).json()).toEqual([]);

    const reply = (await bob.post('/api/v1/statuses', { status: '@alice ok', visibility: 'direct', in_reply_to_id: dm })).json().id;
    await s.drainJobs();
    const again = (await alice.get('/api/v1/conversations')).json();
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ unread: true, last_status: expect.objectContaining({ id: reply }) });

    const read = await alice.post(`/api/v1/conversations/${again[0].id}/read`);
    expect(read.json().unread).toBe(false);
    expect((await carol.post(`/api/v1/conversations/${again[0].id}/read`)).statusCode).toBe(404);
    expect((await carol.delete(`/api/v1/conversations/${again[0].id}`)).statusCode).toBe(404);
    expect((await alice.delete(`/api/v1/conversations/${again[0].id}`)).statusCode).toBe(200);
    expect((await alice.get('/api/v1/conversations')).json()).toEqual([]);
    expect((await bob.get('/api/v1/conversations')).json()).toHaveLength(1);
  });

  it('falls back to the previous status when the last one is deleted', async () => {
    const [conv] = (await bob.get('/api/v1/conversations')).json();
    const last = conv.last_status.id;
    expect((await bob.delete(`/api/v1/statuses/${last}`)).statusCode).toBe(200);
    await s.drainJobs();
    const [after] = (await bob.get('/api/v1/conversations')).json();
    expect(after.last_status.id).not.toBe(last);
  });
});
