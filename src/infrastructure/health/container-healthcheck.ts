/**
 * The container's HEALTHCHECK: `node dist/infrastructure/health/container-healthcheck.js`. Exit 0 when
 * healthy, 1 otherwise, with the reason on stdout (Docker keeps it in `docker inspect`).
 * HEALTH_RETRYING_LIMIT_MS: how long a projection may retry a store before the container is unhealthy.
 */
import { containerVerdict, DEFAULT_RETRYING_LIMIT_MS, type HealthAnswer } from './container-health';

const main = async (): Promise<number> => {
  const port = process.env.PORT ?? '3000';
  const limit = Number(process.env.HEALTH_RETRYING_LIMIT_MS ?? DEFAULT_RETRYING_LIMIT_MS);
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(4000) });
    const body = (await response.json().catch(() => null)) as HealthAnswer | null;
    const verdict = containerVerdict(response.status, body, new Date(), limit);
    process.stdout.write(`${verdict.reason}\n`);
    return verdict.healthy ? 0 : 1;
  } catch (error) {
    process.stdout.write(
      `/health did not answer: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
};

void main().then((code) => process.exit(code));
