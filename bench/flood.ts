// The flood part of `npm run bench` (issue 6): can signed-in people keep using Parley while an
// abusive client floods it? The server runs with its default protections (rate limits, probe
// guard, load shedding: nothing resized). First the legitimate mix at full concurrency gives the
// capacity C; then the same mix at C/2 alone (quiet), and at C/2 while a separate process sends
// 10 x C/2 anonymous requests from one address (flood) or from a new address each time (botnet).
// The three alternate for BENCH_FLOOD_ROUNDS rounds (default 3) and medians are printed, so a
// burst of other work on a shared machine skews one round rather than the comparison. Printed:
// the legitimate users' p99 and errors beside the quiet baseline, what the abusive client was
// answered, and the CPU each process used (the load generators share the cores with the server).
// FLOOD_DEBUG=1 also shows the server's shedding level changes as they happen.
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import autocannon from 'autocannon';
import { newId } from '../src/domain/ids.ts';
import { DEFAULT_RATE_LIMITS } from '../src/infra/rate-limit/limits.ts';
import { ensureDataset, rng, tokenFor, type DatasetSpec } from './dataset.ts';
import { spreadLoad, type FloodClientMessage, type FloodClientOptions, type FloodClientResult, type FloodMode } from './flood-client.ts';
import { cpuSeconds, freePort, rssMb, stopProcess, waitFor } from './processes.ts';

export interface FloodBenchOptions {
  spec: DatasetSpec;
  /** Length of each measured run (at least MIN_SECONDS). */
  seconds: number;
  /** Where datasets are kept and the result is written. */
  outDir: string;
  log: (msg: string) => void;
}

/**
 * Signed-in people in the legitimate mix. Each stays far below its per-account limit (1,500 per
 * 5 minutes) over the whole scenario: the figures measure the flood, not our own users' limits.
 */
const LEGIT_USERS = 300;
/** Concurrency of the capacity run, as in the timelines scenario. */
const CAPACITY_CONNECTIONS = 16;
/** Connections of the legitimate users at a fixed rate (spread over instances, see spreadLoad). */
const PACED_CONNECTIONS = 20;
/** Connections of the abusive client: enough to keep 10 x C/2 requests in flight on a slow server. */
const FLOOD_CONNECTIONS = 200;
/** The flood starts this long before the legitimate users are measured (the load monitor samples every 500 ms). */
const FLOOD_LEAD_MS = 2000;
/**
 * Before each run: wait until anonymous requests are served again (shedding holds 5 s, up to a
 * minute for an overload that keeps coming back), then this long, past the 5 s after which a new
 * raise is held for the base time again (src/infra/load/load-monitor.ts): every run starts alike.
 */
const SETTLE_MS = 6000;
const UNSHED_TIMEOUT_MS = 90_000;
const ROUNDS = Number(process.env.BENCH_FLOOD_ROUNDS ?? 3);
/** Runs shorter than this would end inside shedding's first 5 s hold and never see it let go. */
const MIN_SECONDS = 10;

/** The legitimate mix, per request: home timeline mostly, the local timeline, a few posts. */
const MIX = { home: 0.85, local: 0.12 } as const;

const SCENARIOS: { name: string; flood: FloodMode | null }[] = [
  { name: 'quiet', flood: null },
  { name: 'flood, one address', flood: 'one-address' },
  { name: 'flood, botnet', flood: 'botnet' },
];

interface LegitUser {
  token: string;
  /** Each person has an address of their own, as real users do. */
  address: string;
}

interface LegitResult {
  rps: number;
  p99: number;
  requests: number;
  /** Non-2xx answers plus connection errors and timeouts. */
  errors: number;
  /** Non-2xx answers by status code. */
  failures: Record<string, number>;
}

/** One measured run: CPU figures are percent of one core over the legitimate users' run. */
interface Run {
  legit: LegitResult;
  abusive: FloodClientResult | null;
  cpu: { server: number; legitClient: number };
  sheddingRaised: number;
  /** Whether the server was still shedding when the run began (it waited UNSHED_TIMEOUT_MS). */
  startedShed: boolean;
  loadAverage: number;
}

interface Row {
  scenario: string;
  runs: Run[];
  legitRps: number;
  p99: number;
  errorPercent: number;
  ratio: number | null;
  abusiveRps: number | null;
  answers: Record<string, number>;
  serverCpu: number;
  abusiveCpu: number | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0);
const median = (values: number[]): number => percentile([...values].sort((a, b) => a - b), 50);
const round1 = (v: number) => Math.round(v * 10) / 10;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * A private copy of the dataset (the legitimate users post, and the timelines scenario must keep
 * its data), with a token and a filled home feed for each legitimate user beyond the dataset's
 * sampled ones: the same direct SQL the dataset generator uses.
 */
function prepareDatabase(source: string, spec: DatasetSpec, dir: string, users: number): { file: string; tokens: string[] } {
  const file = path.join(dir, 'parley.sqlite');
  copyFileSync(source, file);
  const db = new DatabaseSync(file);
  try {
    const appId = (db.prepare(`select id from apps where client_id = 'bench-client'`).get() as { id: string }).id;
    const accountIds = (db.prepare(`select id from accounts order by id limit ?`).all(users) as { id: string }[]).map((r) => r.id);
    const insToken = db.prepare(`insert into oauth_tokens (id, token_hash, app_id, account_id, scopes, created_at) values (?, ?, ?, ?, 'read write follow', ?)`);
    const fill = db.prepare(`insert into feed_entries (feed, status_id, reblog_of_id, account_id)
      select 'home:' || ?, s.id, null, s.account_id from statuses s
      where s.account_id in (select target_account_id from follows where account_id = ?) or s.account_id = ?
      order by s.id desc limit ?`);
    const tokens: string[] = [];
    db.exec('BEGIN');
    for (let i = 0; i < accountIds.length; i++) {
      if (i < spec.sampledUsers) {
        tokens.push(tokenFor(i));
        continue;
      }
      const token = `flood-token-${i}`;
      insToken.run(newId(), createHash('sha256').update(token).digest('hex'), appId, accountIds[i]!, new Date().toISOString());
      fill.run(accountIds[i]!, accountIds[i]!, accountIds[i]!, spec.feedSize);
      tokens.push(token);
    }
    db.exec('COMMIT');
    return { file, tokens };
  } finally {
    db.close();
  }
}

/** The server's environment: the defaults for every protection, whatever the caller's shell says. */
function serverEnv(dir: string, dbFile: string, port: number): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('PARLEY_') && k !== 'REDIS_URL' && k !== 'DATABASE_URL' && !k.startsWith('LOG_')),
  );
  return {
    ...inherited,
    PORT: String(port),
    HOST: '127.0.0.1',
    PARLEY_DOMAIN: `127.0.0.1:${port}`,
    PARLEY_DATA_DIR: dir,
    PARLEY_MEDIA_DIR: path.join(dir, 'media'),
    DATABASE_URL: `sqlite:${dbFile}`,
    // Web and job worker in one process, as `npm start` runs it: posts fan out as in production.
    PARLEY_ROLE: 'all',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
  };
}

/**
 * Counts the server's "shedding raised" warnings and passes its other log lines through (the
 * level changes themselves are shown with FLOOD_DEBUG=1).
 */
function watchServerLog(server: ChildProcess): { sheddingRaised: number } {
  const seen = { sheddingRaised: 0 };
  let pending = '';
  server.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      let msg = '';
      try {
        msg = String((JSON.parse(line) as { msg?: unknown }).msg ?? '');
      } catch {
        /* not a log line */
      }
      if (msg === 'under pressure: shedding requests') seen.sheddingRaised++;
      const pressure = msg === 'under pressure: shedding requests' || msg === 'pressure eased';
      // Refused probers are expected here; so are the first-start hints about SMTP and the admin.
      const expected = pressure || msg.startsWith('client probing for ids') || msg.startsWith('SMTP is not configured') || msg.startsWith('No admin account');
      if (!expected || (pressure && process.env.FLOOD_DEBUG)) process.stdout.write(`[server] ${line}\n`);
    }
  });
  return seen;
}

/** The legitimate users' requests, drawn from a seeded sequence so every run sends the same mix. */
function legitRequests(users: LegitUser[], perUser: Map<string, number>): autocannon.Request {
  const rand = rng(7);
  let posts = 0;
  return {
    setupRequest: (req) => {
      const user = users[Math.floor(rand() * users.length)]!;
      perUser.set(user.token, (perUser.get(user.token) ?? 0) + 1);
      const headers = { ...req.headers, authorization: `Bearer ${user.token}`, 'x-forwarded-for': user.address };
      const r = rand();
      if (r < MIX.home) return { ...req, method: 'GET', path: '/api/v1/timelines/home', headers };
      if (r < MIX.home + MIX.local) return { ...req, method: 'GET', path: '/api/v1/timelines/public?local=true', headers };
      const body = JSON.stringify({ status: `Flood benchmark post ${++posts}: still here, still posting.`, visibility: 'public' });
      return { ...req, method: 'POST', path: '/api/v1/statuses', headers: { ...headers, 'content-type': 'application/json' }, body };
    },
  };
}

/**
 * Runs the legitimate mix for `seconds`: at full concurrency when `rate` is null, else at `rate`
 * requests per second spread through each second (see spreadLoad). Latencies are recorded here
 * from every 2xx answer, not taken from autocannon's histogram, which at a fixed rate adds
 * synthetic samples meant for evenly spaced requests.
 */
async function legitLoad(base: string, request: autocannon.Request, rate: number | null, seconds: number): Promise<LegitResult> {
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let answered = 0;
  let errors = 0;
  const track = (instance: autocannon.Instance): void => {
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      answered++;
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      else failures[statusCode] = (failures[statusCode] ?? 0) + 1;
    });
    instance.on('reqError', () => errors++);
  };
  if (rate === null) {
    await new Promise<void>((resolve, reject) =>
      track(autocannon({ url: base, connections: CAPACITY_CONNECTIONS, duration: seconds, requests: [request] }, (err: unknown) => (err ? reject(err) : resolve()))),
    );
  } else await spreadLoad({ url: base, rate, connections: PACED_CONNECTIONS, seconds, request }, track).done;
  latencies.sort((a, b) => a - b);
  return {
    // Every instance runs for `seconds` (spread ones start up to a second apart).
    rps: Math.round(answered / seconds),
    p99: round1(percentile(latencies, 99)),
    requests: answered + errors,
    errors: sum(Object.values(failures)) + errors,
    failures,
  };
}

async function startFlood(options: FloodClientOptions): Promise<{ stop(): Promise<FloodClientResult> }> {
  const child = fork('bench/flood-client.ts', [JSON.stringify(options)], { stdio: 'inherit' });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`flood client exited with ${code} before reporting`))));
  const message = (type: FloodClientMessage['type']) =>
    Promise.race([new Promise<FloodClientMessage>((resolve) => child.on('message', (msg: FloodClientMessage) => msg.type === type && resolve(msg))), exited]);
  const result = message('result');
  await message('started');
  return {
    async stop() {
      child.send('stop');
      const msg = await result;
      await stopProcess(child);
      if (msg.type !== 'result') throw new Error('flood client sent no result');
      return msg.result;
    },
  };
}

/** Waits until the server serves anonymous requests again; false if it still sheds them after UNSHED_TIMEOUT_MS. */
async function waitUntilUnshed(base: string): Promise<boolean> {
  const until = performance.now() + UNSHED_TIMEOUT_MS;
  for (let i = 0; performance.now() < until; i++) {
    // A different documentation address each time: the polls must not run into the per-address limit.
    const res = await fetch(`${base}/api/v1/timelines/public?limit=1`, { headers: { 'x-forwarded-for': `192.0.2.${(i % 250) + 1}` } });
    await res.arrayBuffer();
    if (res.status !== 503) return true;
    await sleep(250);
  }
  return false;
}

/** One run of a scenario: the legitimate users at `rate`, with the abusive client if `flood`. */
async function measure(server: ChildProcess, base: string, request: autocannon.Request, rate: number, flood: FloodMode | null, seconds: number, seen: { sheddingRaised: number }): Promise<Run> {
  const startedShed = !(await waitUntilUnshed(base));
  await sleep(SETTLE_MS);
  const loadAverage = loadavg()[0]!;
  const raisedBefore = seen.sheddingRaised;
  const abusive = flood ? await startFlood({ base, rate: 10 * rate, connections: FLOOD_CONNECTIONS, mode: flood }) : null;
  if (abusive) await sleep(FLOOD_LEAD_MS);
  const serverCpu = cpuSeconds(server.pid!);
  const ownCpu = process.cpuUsage();
  const startedAt = performance.now();
  const legit = await legitLoad(base, request, rate, seconds);
  const wall = (performance.now() - startedAt) / 1000;
  const cpu = {
    server: Math.round((100 * (cpuSeconds(server.pid!) - serverCpu)) / wall),
    legitClient: Math.round((100 * sum(Object.values(process.cpuUsage(ownCpu))) / 1e6) / wall),
  };
  return { legit, abusive: abusive ? await abusive.stop() : null, cpu, sheddingRaised: seen.sheddingRaised - raisedBefore, startedShed, loadAverage };
}

function summarise(name: string, runs: Run[], quietP99: number | null): Row {
  const requests = sum(runs.map((r) => r.legit.requests));
  const answers: Record<string, number> = {};
  for (const r of runs) for (const [code, n] of Object.entries(r.abusive?.answers ?? {})) answers[code] = (answers[code] ?? 0) + n;
  const flooded = runs.filter((r) => r.abusive);
  const p99 = median(runs.map((r) => r.legit.p99));
  return {
    scenario: name,
    runs,
    legitRps: median(runs.map((r) => r.legit.rps)),
    p99,
    errorPercent: requests ? (100 * sum(runs.map((r) => r.legit.errors))) / requests : 0,
    ratio: quietP99 ? p99 / quietP99 : null,
    abusiveRps: flooded.length ? Math.round(sum(flooded.map((r) => r.abusive!.sent)) / sum(flooded.map((r) => r.abusive!.seconds))) : null,
    answers,
    serverCpu: median(runs.map((r) => r.cpu.server)),
    abusiveCpu: flooded.length ? median(flooded.map((r) => Math.round((100 * r.abusive!.cpuSeconds) / r.abusive!.seconds))) : null,
  };
}

function printTable(rows: Row[], info: { spec: DatasetSpec; seconds: number; capacity: LegitResult; capacityCpu: number; users: number }): void {
  const { spec, capacity } = info;
  const mixText = `${Math.round(MIX.home * 100)}% home, ${Math.round(MIX.local * 100)}% local timeline, ${Math.round((1 - MIX.home - MIX.local) * 100)}% posts`;
  console.log('');
  console.log(`Flood: dataset ${spec.accounts} accounts, ${spec.statuses} statuses; ${info.users} signed-in users (${mixText}); default rate limits and shedding`);
  console.log(`Capacity C (legitimate mix, ${CAPACITY_CONNECTIONS} connections, ${info.seconds} s): ${capacity.rps} req/s, p99 ${capacity.p99} ms, ${capacity.errors} errors, server CPU ${info.capacityCpu}% of a core`);
  console.log(`Medians of ${ROUNDS} rounds of ${info.seconds} s runs; legitimate users at C/2 (${PACED_CONNECTIONS} connections), the abusive client asked for 10 x C/2 (${FLOOD_CONNECTIONS} connections, its own process), both spread evenly through each second; the flood's first ${FLOOD_LEAD_MS / 1000} s are not measured`);
  console.log('| scenario | legit req/s | legit p99 ms | legit errors % | ratio p99 flood/quiet (goal <= 2x, < 1% errors) | abusive req/s sent | abusive answers (200/429/503/other) | CPU % of a core: server / legit client / abusive client |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const a = r.answers;
    const other = sum(Object.values(a)) - (a['200'] ?? 0) - (a['429'] ?? 0) - (a['503'] ?? 0);
    const answers = r.abusiveRps === null ? '' : `${a['200'] ?? 0} / ${a['429'] ?? 0} / ${a['503'] ?? 0} / ${other}`;
    const verdict = r.ratio === null ? 'baseline' : `${r.ratio.toFixed(2)}x ${r.ratio <= 2 && r.errorPercent < 1 ? 'met' : 'MISSED'}`;
    const cpu = `${r.serverCpu} / ${median(r.runs.map((x) => x.cpu.legitClient))} / ${r.abusiveCpu ?? '-'}`;
    console.log(`| ${r.scenario} | ${r.legitRps} | ${r.p99} | ${r.errorPercent.toFixed(2)} | ${verdict} | ${r.abusiveRps ?? ''} | ${answers} | ${cpu} |`);
  }
  for (const r of rows) {
    const failures: Record<string, number> = {};
    for (const run of r.runs) for (const [code, n] of Object.entries(run.legit.failures)) failures[code] = (failures[code] ?? 0) + n;
    const each = r.runs.map((x) => `${x.legit.p99} ms (load ${x.loadAverage.toFixed(1)}, shedding raised ${x.sheddingRaised}x${x.startedShed ? ', began while shedding' : ''})`).join(', ');
    console.log(`  ${r.scenario}, each round: ${each}${Object.keys(failures).length ? `; legitimate non-2xx: ${JSON.stringify(failures)}` : ''}`);
  }
  console.log(
    `On ${availableParallelism()} cores the server, the legitimate load generator and the abusive one compete for CPU: what the generators use is taken from the server, and the load average shows what else ran.`,
  );
}

export async function runFloodBench(opts: FloodBenchOptions): Promise<void> {
  const ds = await ensureDataset(opts.outDir, opts.spec, opts.log);
  const seconds = Math.max(MIN_SECONDS, opts.seconds);
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-bench-flood-'));
  let server: ChildProcess | null = null;
  try {
    const users = Math.min(LEGIT_USERS, opts.spec.accounts);
    opts.log(`flood: preparing ${users} signed-in users on a copy of the dataset`);
    const { file, tokens } = prepareDatabase(ds.file, opts.spec, dir, users);
    const legitUsers: LegitUser[] = tokens.map((token, i) => ({ token, address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = fork('dist/src/main.js', [], { env: serverEnv(dir, file, port), stdio: ['ignore', 'pipe', 'inherit', 'ipc'], execArgv: ['--max-semi-space-size=2'] });
    const seen = watchServerLog(server);
    await waitFor(`${base}/api/v1/instance`, server);
    // Every user's home timeline once (token and page caches), then a short warm-up.
    for (const u of legitUsers) {
      const res = await fetch(`${base}/api/v1/timelines/home`, { headers: { authorization: `Bearer ${u.token}`, 'x-forwarded-for': u.address } });
      if (res.status !== 200) throw new Error(`home timeline answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    }
    const perUser = new Map<string, number>();
    const request = legitRequests(legitUsers, perUser);
    await legitLoad(base, request, null, 2);

    opts.log('flood: capacity');
    const cpuBefore = cpuSeconds(server.pid!);
    const capacity = await legitLoad(base, request, null, seconds);
    const capacityCpu = Math.round((100 * (cpuSeconds(server.pid!) - cpuBefore)) / seconds);
    const half = Math.max(1, Math.round(capacity.rps / 2));

    const runs = new Map<string, Run[]>(SCENARIOS.map((s) => [s.name, []]));
    for (let round = 1; round <= ROUNDS; round++) {
      for (const sc of SCENARIOS) {
        opts.log(`flood: round ${round}/${ROUNDS}, ${sc.name}: legitimate users at ${half} req/s${sc.flood ? `, abusive client asked for ${10 * half} req/s` : ''}`);
        runs.get(sc.name)!.push(await measure(server, base, request, half, sc.flood, seconds, seen));
      }
    }
    const rss = rssMb(server.pid!);
    await stopProcess(server);
    server = null;

    const quiet = summarise('quiet', runs.get('quiet')!, null);
    const rows = [quiet, ...SCENARIOS.slice(1).map((s) => summarise(s.name, runs.get(s.name)!, quiet.p99))];
    printTable(rows, { spec: opts.spec, seconds, capacity, capacityCpu, users });
    const busiest = Math.max(...perUser.values());
    console.log(`Busiest legitimate account: ${busiest} requests over the whole scenario (limit ${DEFAULT_RATE_LIMITS.api_account.limit} per 5 minutes); server RSS after the runs ${rss} MB`);
    const result = { date: new Date().toISOString(), spec: opts.spec, seconds, rounds: ROUNDS, users, mix: MIX, capacity, capacityCpu, rows, busiestAccountRequests: busiest, rss, cores: availableParallelism() };
    writeFileSync(path.join(opts.outDir, 'flood-result.json'), JSON.stringify(result, null, 2));
  } finally {
    if (server) await stopProcess(server);
    rmSync(dir, { recursive: true, force: true });
  }
}
