import { containerVerdict } from '../../../src/infrastructure/health/container-health';

const now = new Date('2026-04-01T12:00:00.000Z');
const running = { name: 'complaint-details', state: 'running', error: null, retry: null };

describe('the container health check', () => {
  it('is healthy while both stores answer and every runner runs', () => {
    expect(containerVerdict(200, { status: 'ok', projections: [running], reactors: [] }, now)).toEqual({
      healthy: true,
      reason: 'status ok',
    });
  });

  it('is unhealthy when a store is down (503)', () => {
    expect(containerVerdict(503, { status: 'down' }, now)).toEqual({
      healthy: false,
      reason: '/health answered 503',
    });
  });

  it('is unhealthy when a projection failed on an event, although /health answers 200 degraded', () => {
    const failed = {
      name: 'ssi-monthly',
      state: 'failed',
      error: { message: 'weights missing', position: 42 },
      retry: null,
    };
    expect(containerVerdict(200, { status: 'degraded', projections: [running, failed] }, now)).toEqual({
      healthy: false,
      reason: 'projection ssi-monthly failed at position 42: weights missing',
    });
  });

  it('leaves out a projection another process runs (its lease): that process’s check reports it', () => {
    const failed = {
      name: 'ssi-monthly',
      state: 'failed',
      error: { message: 'weights missing', position: 42 },
      retry: null,
    };
    const elsewhere = { ...failed, owner: { here: false } };
    expect(containerVerdict(200, { status: 'ok', projections: [running, elsewhere] }, now)).toEqual({
      healthy: true,
      reason: 'status ok',
    });
    expect(
      containerVerdict(200, { status: 'degraded', projections: [{ ...failed, owner: { here: true } }] }, now)
        .healthy,
    ).toBe(false);
  });

  it('tolerates a short outage and refuses one longer than the limit', () => {
    const retrying = (since: string) => ({
      name: 'loyalty-earning',
      state: 'retrying',
      retry: { since, attempt: 7, lastError: 'Server Is Not Ready' },
    });
    // 119 s and 121 s before noon, against a limit of 120 s.
    expect(
      containerVerdict(
        200,
        { status: 'degraded', reactors: [retrying('2026-04-01T11:58:01.000Z')] },
        now,
        120_000,
      ).healthy,
    ).toBe(true);
    expect(
      containerVerdict(
        200,
        { status: 'degraded', reactors: [retrying('2026-04-01T11:57:59.000Z')] },
        now,
        120_000,
      ),
    ).toEqual({
      healthy: false,
      reason: 'reactor loyalty-earning has been retrying for 121 s (attempt 7): Server Is Not Ready',
    });
  });
});
