import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/infra/clock.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { countRows, post } from './statuses-fixtures.ts';

let now = Date.now();
const clock: Clock = { now: () => new Date(now) };
let s: TestServer;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
beforeAll(async () => {
  s = await createTestServer({ clock });
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
  carol = await s.createUser('carol');
});
afterAll(() => s.close());

describe('polls', () => {
  it('records votes, shows own votes, and refuses repeat, out-of-range and own votes', async () => {
    const st = await post(alice, { status: 'pick', poll: { options: ['red', 'green', 'blue'], expires_in: 3600 } });
    const pollId = st.poll.id as string;
    const vote = await bob.post(`/api/v1/polls/${pollId}/votes`, { choices: [1] });
    expect(vote.statusCode).toBe(200);
    expect(vote.json()).toMatchObject({ id: pollId, voted: true, own_votes: [1], votes_count: 1, voters_count: null, options: [{ votes_count: 0 }, { votes_count: 1 }, { votes_count: 0 }] });
    for (const [user, body, message] of [
      [bob, { choices: [0] }, /already voted/],
      [carol, { choices: [3] }, /not one of the options/],
      [carol, { choices: [0, 1] }, /only one choice/],
      [carol, { choices: [] }, /blank/],
      [alice, { choices: [0] }, /own poll/],
    ] as const) {
      const res = await user.post(`/api/v1/polls/${pollId}/votes`, body);
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatch(message);
    }
    expect(await countRows(s, 'poll_votes', { poll_id: pollId })).toBe(1);
    const anon = (await s.inject({ method: 'GET', url: `/api/v1/polls/${pollId}` })).json();
    expect(anon).not.toHaveProperty('voted');
    expect(anon.votes_count).toBe(1);
    expect((await carol.get(`/api/v1/statuses/${st.id}`)).json().poll).toMatchObject({ voted: false, own_votes: [] });
  });

  it('counts voters of multiple-choice polls and hides totals until the end when asked', async () => {
    const st = await post(alice, { status: 'many', poll: { options: ['a', 'b'], expires_in: 600, multiple: true, hide_totals: true } });
    const res = await bob.post(`/api/v1/polls/${st.poll.id}/votes`, { choices: ['0', '1'] });
    expect(res.json()).toMatchObject({ votes_count: 2, voters_count: 1, own_votes: [0, 1], options: [{ votes_count: null }, { votes_count: null }] });
    now += 601_000;
    const after = (await bob.get(`/api/v1/polls/${st.poll.id}`)).json();
    expect(after).toMatchObject({ expired: true, options: [{ votes_count: 1 }, { votes_count: 1 }] });
    const late = await carol.post(`/api/v1/polls/${st.poll.id}/votes`, { choices: [0] });
    expect(late.statusCode).toBe(422);
    expect(late.json().error).toMatch(/ended/);
  });

  it('notifies voters and the author when the poll ends', async () => {
    const st = await post(alice, { status: 'ending', poll: { options: ['a', 'b'], expires_in: 300 } });
    await bob.post(`/api/v1/polls/${st.poll.id}/votes`, { choices: [0] });
    // Record the notify jobs instead of running helper C's handler: this test is about who is told.
    const recorded: Record<string, unknown>[] = [];
    s.ctx.queue.register('notify', async (payload) => {
      recorded.push(payload);
    });
    await s.drainJobs();
    expect(recorded.filter((p) => p.type === 'poll' && p.statusId === st.id)).toEqual([]);
    now += 301_000;
    await s.drainJobs();
    const polls = recorded.filter((p) => p.type === 'poll' && p.statusId === st.id);
    expect(polls.map((p) => p.accountId).sort()).toEqual([alice.id, bob.id].sort());
    expect(polls.every((p) => p.fromAccountId === alice.id)).toBe(true);
  });

  it('answers 404 for unknown polls and polls on invisible statuses', async () => {
    expect((await bob.get('/api/v1/polls/01ARZ3NDEKTSV4RRFFQ69G5FAV')).statusCode).toBe(404);
    const st = await post(alice, { status: 'secret', visibility: 'direct', poll: { options: ['a', 'b'], expires_in: 600 } });
    expect((await bob.get(`/api/v1/polls/${st.poll.id}`)).statusCode).toBe(404);
    expect((await bob.post(`/api/v1/polls/${st.poll.id}/votes`, { choices: [0] })).statusCode).toBe(404);
  });
});
