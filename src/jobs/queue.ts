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
  register(type: string, handler: JobHandler, opts?: HandlerOptions): void;
  /** A job that runs every `everyMs` for as long as the queue exists (one row, a fixed id). */
  registerRecurring(type: string, everyMs: number, handler: JobHandler): void;
  /** Starts the worker loops; resolves once the recurring jobs are scheduled. */
  start(intervalMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export type JobHandler = (payload: Record<string, unknown>, job: JobRow) => Promise<void>;

export interface HandlerOptions {
  /**
   * Long-running work (media processing) runs in a lane of its own, so a large video never
   * holds up deliveries and notifications queued behind it.
   */
  slow?: boolean;
  /** How long a claim lasts before another worker may take the job over (default 5 minutes). */
  lockMs?: number;
}

export interface QueueLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const LOCK_MS = 5 * 60_000;

export function createJobQueue(db: Db, dialect: Dialect, clock: Clock, log: QueueLogger): JobQueue {
  const handlers = new Map<string, JobHandler>();
  const lockMsOf = new Map<string, number>();
  const slowTypes = new Set<string>();
  const recurring = new Map<string, number>();
  const workerId = `${hostname()}:${process.pid}:${newId().slice(-6)}`;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  let stopped = false;

  type Lane = 'fast' | 'slow' | 'any';

  async function claim(lane: Lane): Promise<JobRow | undefined> {
    const now = clock.now().toISOString();
    // Oldest due job that nobody holds; SKIP LOCKED lets several PostgreSQL workers share the queue.
    let due = db
      .selectFrom('jobs')
      .select('id')
      .where('run_at', '<=', now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .whereRef('attempts', '<', 'max_attempts');
    if (lane !== 'any' && slowTypes.size > 0) due = due.where('type', lane === 'slow' ? 'in' : 'not in', [...slowTypes]);
    if (lane === 'slow' && slowTypes.size === 0) return undefined;
    const ordered = due.orderBy('run_at').limit(1);
    const dueLocked = dialect === 'postgres' ? ordered.forUpdate().skipLocked() : ordered;
    const job = await db
      .updateTable('jobs')
      .set({ locked_until: new Date(clock.now().getTime() + LOCK_MS).toISOString(), locked_by: workerId, attempts: sql`attempts + 1` })
      .where('id', '=', (eb) => eb.selectFrom(dueLocked.as('d')).select('d.id'))
      .returningAll()
      .executeTakeFirst();
    const lockMs = job && lockMsOf.get(job.type);
    if (job && lockMs) {
      const until = new Date(clock.now().getTime() + lockMs).toISOString();
      await db.updateTable('jobs').set({ locked_until: until }).where('id', '=', job.id).execute();
      job.locked_until = until;
    }
    return job;
  }

  async function runOne(job: JobRow): Promise<void> {
    const handler = handlers.get(job.type);
    try {
      if (!handler) throw new Error(`no handler for job type ${job.type}`);
      await handler(JSON.parse(job.payload) as Record<string, unknown>, job);
      const every = recurring.get(job.type);
      if (every) await db.updateTable('jobs').set({ locked_until: null, locked_by: null, attempts: 0, last_error: null, run_at: new Date(clock.now().getTime() + every).toISOString() }).where('id', '=', job.id).execute();
      else await db.deleteFrom('jobs').where('id', '=', job.id).execute();
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

  /** The worker loops end early when the queue stops; an explicit runDue() (tests, CLI) does not. */
  async function runLane(lane: Lane, max: number, untilStopped = true): Promise<number> {
    let n = 0;
    while (n < max && !(untilStopped && stopped)) {
      const job = await claim(lane);
      if (!job) break;
      await runOne(job);
      n++;
    }
    return n;
  }

  /** Recurring jobs have the fixed id `recurring:<type>`, so every process inserting it agrees. */
  async function scheduleRecurring(): Promise<void> {
    for (const [type, every] of recurring) {
      await db
        .insertInto('jobs')
        .values({ id: `recurring:${type}`, type, payload: '{}', run_at: new Date(clock.now().getTime() + every).toISOString(), attempts: 0, max_attempts: 1_000_000, locked_until: null, locked_by: null, last_error: null, created_at: clock.now().toISOString() })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
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
    runDue: (max = Infinity) => runLane('any', max, false),
    register(type, handler, opts = {}) {
      handlers.set(type, handler);
      if (opts.slow) slowTypes.add(type);
      if (opts.lockMs) lockMsOf.set(type, opts.lockMs);
    },
    registerRecurring(type, everyMs, handler) {
      handlers.set(type, handler);
      recurring.set(type, everyMs);
    },
    async start(intervalMs = 250) {
      stopped = false;
      const loop = (lane: Lane) => {
        const tick = async () => {
          if (stopped) return;
          const run = runLane(lane, 100).catch((err) => log.error({ err: String(err) }, 'job loop error'));
          running.add(run);
          await run;
          running.delete(run);
          if (!stopped) timers.add(setTimeout(tick, intervalMs));
        };
        timers.add(setTimeout(tick, intervalMs));
      };
      loop('fast');
      loop('slow');
      await scheduleRecurring().catch((err) => log.error({ err: String(err) }, 'could not schedule recurring jobs'));
    },
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.all(running);
    },
  };
}
