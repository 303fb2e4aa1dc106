// A durable job queue in the database. Jobs are inserted in the same transaction as the write
// that caused them, so nothing is lost to a crash; a worker claims due jobs, runs them, and
// retries failures with exponential backoff. Handlers must be idempotent.
import { hostname } from 'node:os';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/client.ts';
import type { Dialect } from '../db/dialect.ts';
import type { Database, JobRow } from '../db/schema.ts';
import { newId } from '../domain/ids.ts';
import type { Clock } from '../infra/clock.ts';

export type Executor = Db | Transaction<Database>;

export interface JobPayloads {
  [type: string]: Record<string, unknown>;
}

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
}

export interface JobQueue {
  /** Adds a job; pass the transaction of the write that causes it. */
  enqueue(exec: Executor, type: string, payload: Record<string, unknown>, opts?: EnqueueOptions): Promise<string>;
  /** Claims and runs due jobs until none are left or `max` ran. Returns how many ran. */
  runDue(max?: number): Promise<number>;
  register(type: string, handler: JobHandler): void;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

export type JobHandler = (payload: Record<string, unknown>, job: JobRow) => Promise<void>;

export interface QueueLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const LOCK_MS = 5 * 60_000;

export function createJobQueue(db: Db, dialect: Dialect, clock: Clock, log: QueueLogger): JobQueue {
  const handlers = new Map<string, JobHandler>();
  const workerId = `${hostname()}:${process.pid}:${newId().slice(-6)}`;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = false;

  async function claim(): Promise<JobRow | undefined> {
    const now = clock.now().toISOString();
    const until = new Date(clock.now().getTime() + LOCK_MS).toISOString();
    // Oldest due job that nobody holds; SKIP LOCKED lets several PostgreSQL workers share the queue.
    const due = db
      .selectFrom('jobs')
      .select('id')
      .where('run_at', '<=', now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .whereRef('attempts', '<', 'max_attempts')
      .orderBy('run_at')
      .limit(1);
    const dueLocked = dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
    return db
      .updateTable('jobs')
      .set({ locked_until: until, locked_by: workerId, attempts: sql`attempts + 1` })
      .where('id', '=', (eb) => eb.selectFrom(dueLocked.as('d')).select('d.id'))
      .returningAll()
      .executeTakeFirst();
  }

  async function runOne(job: JobRow): Promise<void> {
    const handler = handlers.get(job.type);
    try {
      if (!handler) throw new Error(`no handler for job type ${job.type}`);
      await handler(JSON.parse(job.payload) as Record<string, unknown>, job);
      await db.deleteFrom('jobs').where('id', '=', job.id).execute();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const delayMs = Math.min(2 ** job.attempts * 1000, 6 * 3600_000);
      const failedForGood = job.attempts >= job.max_attempts;
      (failedForGood ? log.error : log.warn).call(log, { jobId: job.id, type: job.type, attempts: job.attempts, err: message }, failedForGood ? 'job failed for good' : 'job failed, will retry');
      await db
        .updateTable('jobs')
        .set({ locked_until: null, locked_by: null, last_error: message.slice(0, 2000), run_at: new Date(clock.now().getTime() + delayMs).toISOString() })
        .where('id', '=', job.id)
        .execute();
    }
  }

  async function runDue(max = Infinity): Promise<number> {
    let n = 0;
    while (n < max && !stopped) {
      const job = await claim();
      if (!job) break;
      await runOne(job);
      n++;
    }
    return n;
  }

  return {
    async enqueue(exec, type, payload, opts = {}) {
      const id = newId();
      await exec
        .insertInto('jobs')
        .values({
          id,
          type,
          payload: JSON.stringify(payload),
          run_at: (opts.runAt ?? clock.now()).toISOString(),
          attempts: 0,
          max_attempts: opts.maxAttempts ?? 8,
          locked_until: null,
          locked_by: null,
          last_error: null,
          created_at: clock.now().toISOString(),
        })
        .execute();
      return id;
    },
    runDue,
    register(type, handler) {
      handlers.set(type, handler);
    },
    start(intervalMs = 250) {
      stopped = false;
      const tick = async () => {
        if (stopped) return;
        running = runDue(100).catch((err) => log.error({ err: String(err) }, 'job loop error'));
        await running;
        running = null;
        if (!stopped) timer = setTimeout(tick, intervalMs);
      };
      timer = setTimeout(tick, intervalMs);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
