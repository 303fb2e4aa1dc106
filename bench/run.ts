// npm run bench: generates (or reuses) a dataset of 10k accounts, 200 follows each and 500k
// statuses, then measures Parley's home and public timelines against a bare Fastify route
// serving the same bytes, SQL statements per request, and the server's resident memory.
// Then the media scenarios (bench/media.ts) and the flood (bench/flood.ts). Set BENCH_SMALL=1 for
// a quick run on a small dataset, BENCH_ONLY=timelines, media or flood to run one part.
import { fork } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config.ts';
import { createContext } from '../src/context.ts';
import { buildApp } from '../src/http/app.ts';
import { ensureDataset, type DatasetSpec } from './dataset.ts';
import { runFloodBench } from './flood.ts';
import { runMediaBench } from './media.ts';
import { BENCH_RATE_LIMITS, freePort, rssMb, waitFor } from './processes.ts';

const small = process.env.BENCH_SMALL === '1';
const spec: DatasetSpec = small
  ? { accounts: 1000, followsPerAccount: 50, statuses: 20_000, sampledUsers: 20, feedSize: 800 }
  : { accounts: 10_000, followsPerAccount: 200, statuses: 500_000, sampledUsers: 100, feedSize: 800 };
const DURATION = Number(process.env.BENCH_SECONDS ?? (small ? 3 : 10));
const CONNECTIONS = 16;
const outDir = path.resolve('data/bench');

const log = (msg: string) => console.log(`[bench] ${msg}`);

interface Result {
  rps: number;
  p99: number;
  errors: number;
}

async function load(url: string, tokens: string[] | null): Promise<Result> {
  let i = 0;
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        setupRequest: (req) => (tokens ? { ...req, headers: { ...req.headers, authorization: `Bearer ${tokens[i++ % tokens.length]}` } } : req),
      },
    ],
  });
  return { rps: Math.round(r.requests.average), p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function benchTimelines(): Promise<void> {
  const ds = await ensureDataset(outDir, spec, log);
  const port = await freePort();
  const env = { ...process.env, ...BENCH_RATE_LIMITS, DATABASE_URL: `sqlite:${ds.file}`, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', PARLEY_ROLE: 'web', PARLEY_DOMAIN: `127.0.0.1:${port}` };
  // Started exactly as `npm start` starts it (compiled, same V8 flag); `npm run bench` builds first.
  const server = fork('dist/src/main.js', [], { env, stdio: 'inherit', execArgv: ['--max-semi-space-size=2'] });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/v1/instance`, server);
  await new Promise((r) => setTimeout(r, 2000));
  const idleRss = rssMb(server.pid!);
  log(`idle server RSS: ${idleRss} MB`);

  const scenarios = [
    { name: 'home timeline', path: '/api/v1/timelines/home', tokens: ds.tokens },
    { name: 'public timeline (local)', path: '/api/v1/timelines/public?local=true', tokens: null },
  ];
  const rows: { name: string; parley: Result; bare: Result; ratio: number; bytes: number }[] = [];
  mkdirSync(outDir, { recursive: true });
  for (const sc of scenarios) {
    // Warm every user's path once, then keep one response as the bare route's bytes.
    for (const t of sc.tokens ?? [null]) {
      const sample = await fetch(`${base}${sc.path}`, { headers: t ? { authorization: `Bearer ${t}` } : {} });
      if (sample.status !== 200) throw new Error(`${sc.path} answered ${sample.status}: ${await sample.text()}`);
      await sample.arrayBuffer();
    }
    const res = await fetch(`${base}${sc.path}`, { headers: sc.tokens ? { authorization: `Bearer ${sc.tokens[0]}` } : {} });
    const bodyFile = path.join(outDir, 'bare-body.json');
    const bytes = Buffer.from(await res.arrayBuffer());
    writeFileSync(bodyFile, bytes);
    const barePort = await freePort();
    const bare = fork('bench/bare-server.ts', [bodyFile, res.headers.get('content-type') ?? 'application/json', String(barePort)], { stdio: 'inherit' });
    await waitFor(`http://127.0.0.1:${barePort}/bare`, bare);
    const bareResult = await load(`http://127.0.0.1:${barePort}/bare`, null);
    bare.kill();
    const parley = await load(`${base}${sc.path}`, sc.tokens);
    rows.push({ name: sc.name, parley, bare: bareResult, ratio: parley.rps / bareResult.rps, bytes: bytes.length });
  }
  const afterRss = rssMb(server.pid!);
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));

  // Statements per request, counted in-process on the same data.
  const counter = { count: 0 };
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', PARLEY_DOMAIN: '127.0.0.1', ...BENCH_RATE_LIMITS }), database: { kind: 'sqlite' as const, file: ds.file } };
  const ctx = await createContext(config, { onQuery: () => counter.count++, migrate: false });
  const app = await buildApp(ctx);
  const perRequest: Record<string, number> = {};
  for (const sc of scenarios) {
    const tokens = sc.tokens ?? [null];
    for (const t of tokens) await app.inject({ method: 'GET', url: sc.path, headers: t ? { authorization: `Bearer ${t}` } : {} });
    counter.count = 0;
    for (const t of tokens) await app.inject({ method: 'GET', url: sc.path, headers: t ? { authorization: `Bearer ${t}` } : {} });
    perRequest[sc.name] = counter.count / tokens.length;
  }
  await app.close();
  await ctx.close();

  console.log('');
  console.log(`Dataset: ${spec.accounts} accounts, ${spec.followsPerAccount} follows each, ${spec.statuses} statuses; ${CONNECTIONS} connections, ${DURATION} s per run`);
  console.log('| scenario | Parley req/s | Parley p99 ms | bare req/s | bare p99 ms | ratio (goal >= 0.5 for home) | SQL statements/request | response bytes |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.parley.rps} | ${r.parley.p99} | ${r.bare.rps} | ${r.bare.p99} | ${r.ratio.toFixed(2)}x | ${perRequest[r.name]!.toFixed(1)} | ${r.bytes} |`);
    if (r.parley.errors) console.log(`  (${r.parley.errors} errors or non-2xx responses during the ${r.name} run)`);
  }
  console.log(`Server RSS: idle ${idleRss} MB (goal <= 125), after the runs ${afterRss} MB`);
  writeFileSync(path.join(outDir, 'last-result.json'), JSON.stringify({ date: new Date().toISOString(), spec, rows, perRequest, idleRss, afterRss }, null, 2));
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY || undefined;
  if (only !== undefined && only !== 'timelines' && only !== 'media' && only !== 'flood') throw new Error(`BENCH_ONLY must be timelines, media or flood, not ${only}`);
  if (only === undefined || only === 'timelines') await benchTimelines();
  if (only === undefined || only === 'media') await runMediaBench({ small, seconds: DURATION, outDir, log });
  if (only === undefined || only === 'flood') await runFloodBench({ spec, seconds: DURATION, outDir, log });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
