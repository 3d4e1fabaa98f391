/**
 * Open-loop latency (issue 14 §8): commands sent on a fixed schedule, one every 1000 / rate ms, whether or
 * not the earlier ones have answered, so a stall of the server cannot slow the sender down and hide itself
 * (coordinated omission, as wrk2 and HdrHistogram's tools correct for). Each latency is measured from the
 * command's **scheduled** send time, so a sender that fell behind counts its own delay too; the commands
 * sent a whole period or more after their time are counted as late.
 */
import {
  type Server,
  serverCpuMs,
  type ServerLag,
  type ServerReport,
  startServer,
  stopServer,
} from './http-load';
import { percentile, round1, stageProgress } from './stage';
import { fmtInt, nowMs, type Row } from './support';

export type OpenLoopResult = Readonly<{
  /** Commands per second asked for. */
  ratePerSecond: number;
  seconds: number;
  warmupSeconds: number;
  /** Commands scheduled in the measured window (the warm-up's are sent but not counted). */
  scheduled: number;
  /** Answered with the expected status in the measured window: the latencies are theirs. */
  answered: number;
  /** Answered with another status, or no answer at all (network error, 30 s timeout). */
  failed: number;
  firstError: string | null;
  /** Sent one period (1000 / rate ms) or more after their scheduled time: the sender fell behind. */
  late: number;
  /** How late the sender was, at worst, from the schedule (ms). */
  maxSendDelayMs: number;
  /** From the scheduled send time to the answer's last byte. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** CPU ms of the server process (all its threads) per command scheduled in the measured window. */
  serverCpuMsPerRequest: number | null;
}>;

const TIMEOUT_MS = 30_000;

/**
 * Sends `request(n)` at `ratePerSecond` for `warmupSeconds` + `seconds`, never waiting for an answer
 * before the next send; resolves when every command sent has answered (or failed).
 */
export const openLoop = async (
  server: Server,
  request: (n: number) => Readonly<{ path: string; body: unknown; expect: number }>,
  options: Readonly<{ ratePerSecond: number; seconds: number; warmupSeconds: number }>,
): Promise<OpenLoopResult> => {
  const periodMs = 1000 / options.ratePerSecond;
  const warmup = Math.round(options.warmupSeconds * options.ratePerSecond);
  const total = warmup + Math.round(options.seconds * options.ratePerSecond);
  const times: number[] = [];
  let failed = 0;
  let late = 0;
  let maxSendDelayMs = 0;
  let firstError: string | null = null;
  let cpuAtStart: number | null = null;
  const inFlight = new Set<Promise<void>>();
  const send = async (n: number, scheduledAt: number, measured: boolean) => {
    const { path, body, expect } = request(n);
    let outcome: string | null;
    try {
      const response = await fetch(`${server.base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: server.authorization },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await response.text();
      outcome = response.status === expect ? null : `${response.status} ${text.slice(0, 300)}`;
    } catch (error) {
      outcome = error instanceof Error ? error.message : String(error);
    }
    if (!measured) return;
    if (outcome === null) times.push(nowMs() - scheduledAt);
    else {
      failed += 1;
      firstError ??= outcome;
    }
  };
  const start = nowMs() + periodMs;
  for (let n = 0; n < total;) {
    const now = nowMs();
    // Every command whose time has come goes now, however many that is: the schedule never slips.
    for (; n < total && start + n * periodMs <= now; n += 1) {
      const scheduledAt = start + n * periodMs;
      const measured = n >= warmup;
      if (n === warmup) cpuAtStart = serverCpuMs(server);
      if (measured) {
        const delay = now - scheduledAt;
        maxSendDelayMs = Math.max(maxSendDelayMs, delay);
        if (delay >= periodMs) late += 1;
      }
      const sending = send(n + 1, scheduledAt, measured);
      inFlight.add(sending);
      void sending.finally(() => inFlight.delete(sending));
    }
    if (n < total)
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + n * periodMs - nowMs())));
  }
  await Promise.all([...inFlight]);
  const cpuAtEnd = serverCpuMs(server);
  const scheduled = total - warmup;
  times.sort((a, b) => a - b);
  return {
    ratePerSecond: options.ratePerSecond,
    seconds: options.seconds,
    warmupSeconds: options.warmupSeconds,
    scheduled,
    answered: times.length,
    failed,
    firstError,
    late,
    maxSendDelayMs: round1(maxSendDelayMs),
    p50Ms: round1(percentile(times, 50)),
    p99Ms: round1(percentile(times, 99)),
    maxMs: round1(times[times.length - 1] ?? 0),
    serverCpuMsPerRequest:
      cpuAtStart === null || cpuAtEnd === null || scheduled === 0
        ? null
        : Math.round(((cpuAtEnd - cpuAtStart) / scheduled) * 100) / 100,
  };
};

/**
 * The open loop against a fresh server (its own data directory, projections and reactors running, group
 * commit and the shared reader at their defaults), with the projection lag the server measured meanwhile.
 */
export const measureOpenLoop = async (
  dataDir: string,
  request: (n: number) => Readonly<{ path: string; body: unknown; expect: number }>,
  options: Readonly<{ ratePerSecond: number; seconds: number; warmupSeconds: number }>,
): Promise<OpenLoopResult & { lag: ServerLag | null }> => {
  const server = await startServer(dataDir);
  let result: OpenLoopResult;
  let report: ServerReport | null = null;
  try {
    result = await openLoop(server, request, options);
  } finally {
    report = await stopServer(server);
  }
  stageProgress(
    'http',
    `open loop at ${options.ratePerSecond} commands/s: p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.late} late, ${result.failed} failed of ${result.scheduled}`,
  );
  return { ...result, lag: report?.lag ?? null };
};

/** The open loop's rows of the bench's table. */
export const openLoopRows = (
  result: OpenLoopResult & { lag: ServerLag | null },
  targetP99Ms: number,
): Row[] => [
  {
    measure: `open loop, ${result.ratePerSecond} commands/s on a schedule, p50 / p99`,
    value: `${result.p50Ms} / ${result.p99Ms}`,
    unit: 'ms',
    target: `p99 <= ${targetP99Ms}`,
    status: result.p99Ms <= targetP99Ms && result.failed === 0 ? 'ok' : 'ABOVE',
  },
  {
    measure: '  open loop: answered / late / failed',
    value: `${fmtInt(result.answered)} / ${fmtInt(result.late)} / ${fmtInt(result.failed)}`,
    unit: 'commands',
    target: `of ${fmtInt(result.scheduled)} scheduled`,
  },
  {
    measure: '  open loop: max latency, worst send delay',
    value: `${result.maxMs} / ${result.maxSendDelayMs}`,
    unit: 'ms',
  },
  {
    measure: '  open loop: server CPU per command, lag p99',
    value: `${result.serverCpuMsPerRequest === null ? 'n/a' : result.serverCpuMsPerRequest.toFixed(2)} / ${result.lag ? String(result.lag.p99Ms) : 'n/a'}`,
    unit: 'ms',
  },
];
