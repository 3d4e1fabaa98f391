import type { ReadAllOptions, StoredEvent } from '../../../src/application/ports/event-store.port';
import { SharedReads } from '../../../src/infrastructure/event-store/shared-reads';

const event = (position: number): StoredEvent => ({
  eventId: `e-${position}`,
  type: 'ComplaintFiled',
  schemaVersion: 1,
  data: {},
  metadata: { correlationId: 'c', causationId: null, actor: { userId: 'u', role: 'admin', dealerId: null } },
  occurredAt: '2026-03-01T00:00:00.000Z',
  streamId: 'complaint-1',
  revision: position - 1,
  globalPosition: position,
  recordedAt: '2026-03-01T00:00:00.000Z',
});

describe('shared reads of the log', () => {
  let now = 1_000;
  let calls: ReadAllOptions[];
  const store = async (options: ReadAllOptions) => {
    calls.push(options);
    return [event(options.after + 1)];
  };
  beforeEach(() => {
    now = 1_000;
    calls = [];
  });

  it('asks the store once for the same read by many subscriptions, and gives them the same frozen events', async () => {
    const shared = new SharedReads(50, () => now);
    const answers = await Promise.all(
      Array.from({ length: 15 }, () => shared.read({ after: 7, limit: 100 }, store)),
    );
    // Fifteen subscriptions woken by one append ask at once, before the first answer is back: one store read.
    expect(calls).toHaveLength(1);
    expect(new Set(answers).size).toBe(1);
    const again = await shared.read({ after: 7, limit: 100 }, store);
    expect(again).toBe(answers[answers.length - 1]);
    expect(Object.isFrozen(again[0])).toBe(true);
  });

  it('forgets a read that failed, so the next one asks the store again', async () => {
    const shared = new SharedReads(50, () => now);
    await expect(
      shared.read({ after: 1, limit: 10 }, () => Promise.reject(new Error('down'))),
    ).rejects.toThrow('down');
    await shared.read({ after: 1, limit: 10 }, store);
    expect(calls).toHaveLength(1);
  });

  it('shares a read after it returned, until an append through this process or the time-to-live', async () => {
    const shared = new SharedReads(50, () => now);
    const first = await shared.read({ after: 7, limit: 100 }, store);
    expect(await shared.read({ after: 7, limit: 100 }, store)).toBe(first);
    expect(calls).toHaveLength(1);
    // Another position or limit is another read.
    await shared.read({ after: 8, limit: 100 }, store);
    await shared.read({ after: 7, limit: 10 }, store);
    expect(calls).toHaveLength(3);
    // An append clears every shared answer.
    shared.invalidate();
    await shared.read({ after: 7, limit: 100 }, store);
    expect(calls).toHaveLength(4);
    // 50 ms later the answer is still shared; 51 ms later it is read again (another process may have appended).
    now += 50;
    await shared.read({ after: 7, limit: 100 }, store);
    expect(calls).toHaveLength(4);
    now += 1;
    await shared.read({ after: 7, limit: 100 }, store);
    expect(calls).toHaveLength(5);
  });
});
