// The durable job queue's lanes and recurring jobs, on the real database: a long media job must
// not hold up the jobs behind it, and a recurring job keeps exactly one row that moves forward.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/infra/clock.ts';
import { createJobQueue, type JobQueue } from '../../src/jobs/queue.ts';
import { createTestServer, type TestServer } from '../helpers/server.ts';

let now = Date.parse('2026-11-26T12:00:00Z');
const clock: Clock = { now: () => new Date(now) };
const quietLog = { warn: () => undefined, error: () => undefined };

let s: TestServer;
const queues: JobQueue[] = [];
beforeAll(async () => {
  s = await createTestServer();
});
afterAll(async () => {
  for (const q of queues) await q.stop();
  await s.close();
});

function newQueue(): JobQueue {
  const q = createJobQueue(s.ctx.db, s.ctx.dialect, clock, quietLog);
  queues.push(q);
  return q;
}

const until = async (check: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('job lanes', () => {
  it('runs quick jobs while a slow one is still running', async () => {
    const q = newQueue();
    let releaseSlow!: () => void;
    const slowDone = new Promise<void>((r) => (releaseSlow = r));
    const ran: string[] = [];
    q.register('test_slow', async () => {
      ran.push('slow started');
      await slowDone;
      ran.push('slow finished');
    }, { slow: true, lockMs: 3_600_000 });
    q.register('test_fast', async () => {
      ran.push('fast');
    });
    await q.enqueue(s.ctx.db, 'test_slow', {});
    await q.enqueue(s.ctx.db, 'test_fast', {});
    await q.start(5);
    await until(() => ran.includes('fast') && ran.includes('slow started'));
    expect(ran).not.toContain('slow finished');
    // The slow job's claim lasts as long as its lane asked for, not the default five minutes.
    const row = await s.ctx.db.selectFrom('jobs').select(['locked_until']).where('type', '=', 'test_slow').executeTakeFirstOrThrow();
    expect(Date.parse(row.locked_until!)).toBe(now + 3_600_000);
    releaseSlow();
    await until(() => ran.includes('slow finished'));
    await q.stop();
  });
});

describe('recurring jobs', () => {
  it('keep one row, run when due and are rescheduled after each run', async () => {
    const q = newQueue();
    let runs = 0;
    q.registerRecurring('test_every_hour', 3_600_000, async () => {
      runs++;
    });
    await q.start(5);
    // A second worker process starting up does not add a second row.
    const other = newQueue();
    other.registerRecurring('test_every_hour', 3_600_000, async () => undefined);
    await other.start(5);
    const rows = async () => s.ctx.db.selectFrom('jobs').select(['id', 'run_at']).where('type', '=', 'test_every_hour').execute();
    expect(await rows()).toEqual([{ id: 'recurring:test_every_hour', run_at: new Date(now + 3_600_000).toISOString() }]);
    await q.stop();
    await other.stop();
    expect(await q.runDue()).toBe(0);
    now += 3_600_001;
    expect(await q.runDue()).toBe(1);
    expect(runs).toBe(1);
    expect(await rows()).toEqual([{ id: 'recurring:test_every_hour', run_at: new Date(now + 3_600_000).toISOString() }]);
  });
});
