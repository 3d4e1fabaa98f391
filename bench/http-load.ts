import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { percentile, round1 } from './stage';
import { nowMs } from './support';

export type Server = Readonly<{
  base: string;
  authorization: string;
  child: ChildProcess;
  /** Reads of the log per second the server's subscriptions made while it idled before the load. */
  idleReadsPerSecond: number | null;
}>;

/** Clock ticks per second of /proc's CPU times. */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU time (user + system) the server process has used so far, in ms, every thread of it (the event loop,
 * libuv's pool, V8's GC and compiler threads): /proc/<pid>/stat. Null where there is no /proc.
 */
export const serverCpuMs = (server: Server): number | null => {
  try {
    const stat = readFileSync(`/proc/${String(server.child.pid)}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its end.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime] = [Number(fields[11]), Number(fields[12])];
    return ((utime + stime) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
};

/**
 * Starts stage-http-server.ts (or another server `script` that prints the same line, such as
 * stage-bare-nest.ts), with `env` over the bench's own, and waits for its `{ port, authorization }` line.
 */
export const startServer = (
  dataDir: string,
  env: Readonly<Record<string, string>> = {},
  script = join(__dirname, 'stage-http-server.ts'),
  nodeOptions: readonly string[] = [],
): Promise<Server> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...nodeOptions, '-r', 'ts-node/register/transpile-only', script, dataDir],
      {
        env: { ...process.env, ...env, TS_NODE_PROJECT: join(__dirname, '..', 'tsconfig.json') },
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((text) => text.startsWith('{'));
      if (!line) return;
      const { port, authorization, idleReadsPerSecond } = JSON.parse(line) as {
        port: number;
        authorization: string;
        idleReadsPerSecond?: number;
      };
      resolve({
        base: `http://127.0.0.1:${port}`,
        authorization,
        child,
        idleReadsPerSecond: idleReadsPerSecond ?? null,
      });
    });
    child.on('exit', (code) =>
      reject(new Error(`bench HTTP server exited with ${String(code)} before listening`)),
    );
  });

export type ServerLag = Readonly<{ events: number; p50Ms: number; p99Ms: number; maxMs: number }>;
/** The event store's commits over the server's life (`crm_event_store_commit_appends`). */
export type ServerCommits = Readonly<{ commits: number; appends: number; appendsPerCommit: number }>;
/** Reads of the log the server's subscriptions made over its life (`EventStore.subscriptionReads`). */
export type ServerSubscriptionReads = Readonly<{ sharedReads: number; ownReads: number; storeReads: number }>;
export type ServerReport = Readonly<{
  lag: ServerLag;
  commits: ServerCommits;
  subscriptionReads: ServerSubscriptionReads | null;
}>;

/** Stops the server; it answers with the projection lag it measured while it ran and its commits. */
export const stopServer = (server: Server): Promise<ServerReport | null> =>
  new Promise((resolve) => {
    let out = '';
    server.child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    server.child.once('exit', () => {
      const line = out.split('\n').find((text) => text.startsWith('{"lag"'));
      resolve(line ? (JSON.parse(line) as ServerReport) : null);
    });
    server.child.stdin?.end();
  });

export type LoadResult = Readonly<{
  /** Answered in the measured window. */
  requests: number;
  /** Sent in all, the warm-up's included. */
  sent: number;
  errors: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  seconds: number;
  firstError: string | null;
  /** CPU ms of the server process (all its threads) per request answered in the measured window. */
  serverCpuMsPerRequest: number | null;
}>;

/**
 * `clients` loops, each sending its next request as soon as the last one answered, for `seconds` after a
 * warm-up. Requests go through Node's fetch (undici, keep-alive connections).
 */
export const load = async (
  server: Server,
  request: (n: number) => Readonly<{ path: string; body: unknown; expect: number }>,
  options: Readonly<{ clients: number; seconds: number; warmupSeconds: number }>,
  onAnswer?: (body: string, at: number) => void,
): Promise<LoadResult> => {
  let n = 0;
  let errors = 0;
  let firstError: string | null = null;
  const times: number[] = [];
  const start = nowMs();
  const measureFrom = start + options.warmupSeconds * 1000;
  const end = measureFrom + options.seconds * 1000;
  let cpuAtStart: number | null = null;
  const cpuTimer = setTimeout(() => (cpuAtStart = serverCpuMs(server)), options.warmupSeconds * 1000);
  const client = async () => {
    for (;;) {
      const sent = nowMs();
      if (sent >= end) return;
      const { path, body, expect } = request((n += 1));
      const response = await fetch(`${server.base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: server.authorization },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      const done = nowMs();
      onAnswer?.(text, done);
      if (sent < measureFrom) continue;
      if (response.status !== expect) {
        errors += 1;
        firstError ??= `${response.status} ${text.slice(0, 300)}`;
      }
      times.push(done - sent);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, () => client()));
  clearTimeout(cpuTimer);
  const cpuAtEnd = serverCpuMs(server);
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    sent: n,
    errors,
    perSecond: Math.round(times.length / options.seconds),
    p50Ms: round1(percentile(times, 50)),
    p99Ms: round1(percentile(times, 99)),
    seconds: options.seconds,
    firstError,
    serverCpuMsPerRequest:
      cpuAtStart === null || cpuAtEnd === null || times.length === 0
        ? null
        : Math.round(((cpuAtEnd - cpuAtStart) / times.length) * 100) / 100,
  };
};

/** Samples the worst projection lag (age of the oldest unprocessed event) from /health until stopped. */
export const sampleLag = (
  server: Server,
  everyMs: number,
): { stop: () => Promise<{ samples: number; p50Ms: number; p99Ms: number; maxMs: number }> } => {
  const lags: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const response = await fetch(`${server.base}/health`);
      const health = (await response.json()) as { projections: Array<{ lag: { ms: number } }> };
      lags.push(Math.max(0, ...health.projections.map((projection) => projection.lag.ms)));
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      const sorted = [...lags].sort((a, b) => a - b);
      return {
        samples: sorted.length,
        p50Ms: percentile(sorted, 50),
        p99Ms: percentile(sorted, 99),
        maxMs: sorted[sorted.length - 1] ?? 0,
      };
    },
  };
};

/**
 * The command load: a complaint filed by one of a few hundred customers who complain again and again (their
 * personal-data keys exist after the first time). `tag` keeps two runs' complaint ids apart.
 */
export const complaintFiling =
  (tag = 'bench') =>
  (n: number) => ({
    path: '/complaints',
    expect: 201,
    body: {
      complaintId: `${tag}-${process.pid}-${n}`,
      dealerId: 'd-001',
      channel: 'dealer',
      category: 'service',
      severity: 'general',
      customer: {
        customerId: `cu-${tag}-${n % 300}`,
        name: '王芳',
        phone: `1390000${String(n % 300).padStart(4, '0')}`,
      },
      description: 'Car was not ready at the promised time.',
      remedySought: 'apology and goodwill',
    },
  });
