// AppContext: everything a service, job or handler needs, built once from the Config.
// Tests build it with overrides (in-memory database, memory mailer, fixed clock).
import type { Config } from './config.ts';
import { openDatabase, type Db, type DbHandle } from './db/client.ts';
import type { Dialect } from './db/dialect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { systemClock, type Clock } from './infra/clock.ts';
import { createMemoryEventBus, type EventBus } from './infra/event-bus.ts';
import { createLogger, type Logger } from './infra/logger.ts';
import { createMailer, type Mailer } from './infra/mailer.ts';
import { createRateLimitStore, type RateLimitStore } from './infra/rate-limit/index.ts';
import { defaultWebDistDir } from './infra/web-dist.ts';
import { createJobQueue, type JobQueue } from './jobs/queue.ts';
import { registerJobHandlers } from './jobs/index.ts';
import { createMediaServices, type MediaServices } from './media/media-services.ts';
import { fixedLoadMonitor, startLoadMonitor, type LoadMonitor } from './infra/load/load-monitor.ts';

export interface AppContext {
  config: Config;
  db: Db;
  dialect: Dialect;
  clock: Clock;
  queue: JobQueue;
  events: EventBus;
  mailer: Mailer;
  log: Logger;
  media: MediaServices;
  /** Throttle counters: in Redis when REDIS_URL is set (shared by processes), else in memory. */
  rateLimits: RateLimitStore;
  /** How hard-pressed this process is, for load shedding. */
  load: LoadMonitor;
  /** The built web app (web/dist); its pages are served only when index.html exists there. */
  webDistDir: string;
  /** Web Push to plain-http loopback endpoints: only the tests' local push service needs it. */
  allowLoopbackPush: boolean;
  close(): Promise<void>;
}

export interface ContextOverrides {
  clock?: Clock;
  mailer?: Mailer;
  events?: EventBus;
  log?: Logger;
  migrate?: boolean;
  /** Called for every executed SQL statement (the benchmark counts them). */
  onQuery?: () => void;
  webDistDir?: string;
  allowLoopbackPush?: boolean;
  /** A monitor whose level the test sets (src/infra/load/load-monitor.ts fixedLoadMonitor). */
  loadMonitor?: LoadMonitor;
}

export async function createContext(config: Config, overrides: ContextOverrides = {}): Promise<AppContext> {
  const log = overrides.log ?? createLogger(config.logLevel, config.logFormat);
  const handle: DbHandle = openDatabase(config.database, {
    ...(overrides.onQuery ? { onQuery: overrides.onQuery } : {}),
    onPoolError: (err) => log.warn({ err: err.message }, 'idle database connection closed by the server'),
  });
  if (overrides.migrate !== false) await migrateToLatest(handle);
  const clock = overrides.clock ?? systemClock;
  const events = overrides.events ?? createMemoryEventBus();
  const queue = createJobQueue(handle.db, handle.dialect, clock, log);
  const media = await createMediaServices(config, handle.db, log, clock.now().toISOString());
  const rateLimits = createRateLimitStore(config, log);
  const shedding = config.loadShedding;
  const load =
    overrides.loadMonitor ??
    (shedding.enabled ? startLoadMonitor({ lagMs: shedding.lagMs, heapFraction: shedding.heapFraction, holdMs: 5000, sampleMs: 500 }) : fixedLoadMonitor(0));
  const ctx: AppContext = {
    config,
    db: handle.db,
    dialect: handle.dialect,
    clock,
    queue,
    events,
    mailer: overrides.mailer ?? createMailer(config),
    log,
    media,
    rateLimits,
    load,
    webDistDir: overrides.webDistDir ?? defaultWebDistDir(),
    allowLoopbackPush: overrides.allowLoopbackPush ?? false,
    async close() {
      await queue.stop();
      await events.close();
      await rateLimits.close();
      load.stop();
      await handle.close();
    },
  };
  registerJobHandlers(ctx);
  return ctx;
}
