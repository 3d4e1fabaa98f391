/** The parts of a /health answer the container check reads. */
export type HealthAnswer = Readonly<{
  status: string;
  projections?: ReadonlyArray<RunnerHealth>;
  reactors?: ReadonlyArray<RunnerHealth>;
}>;

type RunnerHealth = Readonly<{
  name: string;
  state: string;
  position?: number;
  error?: Readonly<{ message: string; position: number }> | null;
  retry?: Readonly<{ since: string; attempt: number; lastError: string }> | null;
  /** Who runs it (its lease): one another process runs is that process's health. */
  owner?: Readonly<{ here: boolean }> | null;
}>;

export type Verdict = Readonly<{ healthy: boolean; reason: string }>;

/** A brief outage (an election, a step-down) heals by itself; past this the container is unhealthy. */
export const DEFAULT_RETRYING_LIMIT_MS = 120_000;

/**
 * The container's health, stricter than /health's status code (which load balancers read and which
 * stays 200 for a stopped projection so the API keeps serving): unhealthy when a store is down, when a
 * projection or reactor has failed on an event, or when one has been retrying for longer than `limitMs`;
 * only those this process runs (under its lease) count.
 */
export const containerVerdict = (
  httpStatus: number,
  health: HealthAnswer | null,
  now: Date,
  limitMs = DEFAULT_RETRYING_LIMIT_MS,
): Verdict => {
  if (httpStatus !== 200 || !health) return { healthy: false, reason: `/health answered ${httpStatus}` };
  const runners = [
    ...(health.projections ?? []).map((runner) => ({ kind: 'projection', ...runner })),
    ...(health.reactors ?? []).map((runner) => ({ kind: 'reactor', ...runner })),
  ];
  for (const runner of runners) {
    if (runner.owner?.here === false) continue;
    if (runner.state === 'failed') {
      const at = runner.error ? ` at position ${runner.error.position}: ${runner.error.message}` : '';
      return { healthy: false, reason: `${runner.kind} ${runner.name} failed${at}` };
    }
    if (runner.state === 'retrying' && runner.retry) {
      const forMs = now.getTime() - Date.parse(runner.retry.since);
      if (forMs > limitMs)
        return {
          healthy: false,
          reason: `${runner.kind} ${runner.name} has been retrying for ${Math.round(forMs / 1000)} s (attempt ${runner.retry.attempt}): ${runner.retry.lastError}`,
        };
    }
  }
  return { healthy: true, reason: `status ${health.status}` };
};
