import { StoreUnavailableError } from '../../../src/application/ports/event-store.port';
import { GenerationRetiredError } from '../../../src/application/ports/read-store.port';
import {
  backoffDelay,
  isTransientStoreError,
  OutageRetry,
  type RetryPolicy,
} from '../../../src/infrastructure/projections/store-retry';

const policy = (random: number, sleeps: number[] = []): RetryPolicy => ({
  initialDelayMs: 200,
  maxDelayMs: 30_000,
  random: () => random,
  sleep: async (ms) => void sleeps.push(ms),
});

describe('backoff after a store outage', () => {
  it('doubles the step per attempt up to the cap, half of it fixed and half jitter', () => {
    // step = min(30 000, 200 × 2^(attempt − 1)); delay = step/2 + random × step/2.
    const steps = [200, 400, 800, 1600, 3200, 6400, 12_800, 25_600, 30_000, 30_000];
    const attempts = steps.map((_, index) => index + 1);
    expect(attempts.map((attempt) => backoffDelay(policy(0), attempt))).toEqual(
      steps.map((step) => step / 2),
    );
    expect(attempts.map((attempt) => backoffDelay(policy(0.5), attempt))).toEqual(
      steps.map((step) => (step * 3) / 4),
    );
    expect(backoffDelay(policy(0.999), 20)).toBe(29_985);
  });

  it('counts the attempts of one outage from its first failure, and starts again after a recovery', async () => {
    const sleeps: number[] = [];
    let now = Date.parse('2026-04-01T00:00:00.000Z');
    const retry = new OutageRetry(policy(0, sleeps), () => new Date(now));
    expect(retry.failed(new Error('Server Is Not Ready'))).toBe(100);
    now += 1000;
    expect(retry.failed(new Error('deadline'))).toBe(200);
    expect(retry.status).toEqual({
      attempt: 2,
      since: '2026-04-01T00:00:00.000Z',
      lastError: 'deadline',
      nextAttemptAt: '2026-04-01T00:00:01.200Z',
    });
    expect(await retry.wait(200)).toBe(true);
    expect(sleeps).toEqual([200]);
    retry.recovered();
    expect(retry.status).toBeNull();
    expect(retry.failed(new Error('again'))).toBe(100);
    retry.cancel();
    expect(await retry.wait(100)).toBe(false);
    expect(sleeps).toEqual([200]);
    retry.reset();
    expect(retry.status).toBeNull();
    expect(await retry.wait(100)).toBe(true);
  });

  it("treats only the adapters' unavailable errors as transient, never a projector's own error", () => {
    expect(isTransientStoreError(new StoreUnavailableError('mongodb', 'primary stepped down'))).toBe(true);
    expect(isTransientStoreError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      false,
    );
    expect(isTransientStoreError('timeout')).toBe(false);
    // The fence's refusal ends a runner's generation: retrying would be refused again, for ever.
    expect(
      isTransientStoreError(new GenerationRetiredError('complaints', { version: 3, generation: 0 })),
    ).toBe(false);
  });
});
