// Small helpers for the benchmark's child processes: a free port to start a server on, waiting
// until it answers, and how much memory it holds.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Rate limits far above anything a benchmark sends: the throttles still run (their cost is part of
 * what is measured) but never refuse the flood of requests from one address and a few accounts.
 */
export const BENCH_RATE_LIMITS = {
  PARLEY_RATE_LIMITS: 'on',
  PARLEY_RATE_LIMIT_API_IP: '999999999/300',
  PARLEY_RATE_LIMIT_API_ACCOUNT: '999999999/300',
  PARLEY_RATE_LIMIT_MEDIA: '999999999/1800',
} as const;

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
}

/** Resident memory now, in MB. */
export const rssMb = (pid: number): number => Math.round(statusKb(pid, 'VmRSS') / 1024);

/** The highest resident memory the process has had so far, in MB. */
export const peakRssMb = (pid: number): number => Math.round(statusKb(pid, 'VmHWM') / 1024);

/** CPU time (user + system) the process has used so far, in seconds (Linux clock ticks are 1/100 s). */
export function cpuSeconds(pid: number): number {
  // The command name may hold spaces; the fields after it are fixed: utime and stime are 14th and 15th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${url}`);
}

/** Sends SIGTERM and waits until the process has gone. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}
