import type { EventStore } from '../../src/application/ports/event-store.port';
import { ProjectionRunner } from '../../src/infrastructure/projections/projection-runner';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { complaintDetailsProjection } from '../../src/projections/complaint-details/complaint-details.projection';
import type { AnyProjection } from '../../src/projections/shared/projection';
import { complaintHistory } from '../support/complaint-history';
import { runnerDeps, snapshotReadModels, tempDir } from '../support/projection-fixtures';
import { SPARSE_STEP, sparsePositions } from '../support/sparse-positions';

describe('a failed projection resumes from the checkpoint it stored', () => {
  const temp = tempDir('crm-resume-');
  afterAll(() => temp.remove());

  /**
   * complaintHistory(10, 1) written complaint by complaint, each filing followed by its acknowledgement
   * (none for i % 4 === 3): c0 1–2, c1 3–4, c2 5–6, c3 7, c4 8–9, c5 10–11, c6 12–13, c7 14, c8 15–16,
   * c9 17–18 (SQLite positions; the store below spreads them to × 100).
   */
  const interleavedHistory = async (file: string): Promise<EventStore> => {
    const inner = SqliteEventStore.open(file);
    for (const { streamId, events } of complaintHistory(10, 1)) {
      await inner.appendToStream(streamId, [events[0]], 'no_stream');
      if (events[1]) await inner.appendToStream(streamId, [events[1]], 0);
    }
    return sparsePositions(inner);
  };

  it('stores a position the store returned, then applies each event exactly once after the fix', async () => {
    const eventStore = await interleavedHistory(temp.file('events.sqlite'));
    const readStore = SqliteReadStore.open(temp.file('read.sqlite'));
    let broken = true;
    const applied = new Map<string, number>();
    // Handles filings only, so the event just before the poisoned filing (c6's acknowledgement, 13) is
    // not its own: the last position it applied is c6's filing, 12.
    const filings: AnyProjection = {
      ...complaintDetailsProjection,
      name: 'filings',
      handles: ['ComplaintFiled'],
      apply: (doc, event, id) => {
        if (broken && event.data.complaintId === 'c-00007') throw new Error('cannot read c-00007');
        applied.set(event.eventId, (applied.get(event.eventId) ?? 0) + 1);
        return complaintDetailsProjection.apply(doc, event, id);
      },
    };
    const runner = new ProjectionRunner(runnerDeps(eventStore, readStore), filings, { batchSize: 5 });
    await runner.start();
    await expect(runner.waitForPosition(14 * SPARSE_STEP, 1000)).rejects.toThrow(/did not reach/);
    const failed = await runner.status();
    expect(failed).toMatchObject({
      state: 'failed',
      position: 12 * SPARSE_STEP,
      error: { position: 14 * SPARSE_STEP, message: 'cannot read c-00007' },
    });
    expect(await readStore.readCheckpoint(runner.checkpointName)).toMatchObject({
      status: 'failed',
      position: 12 * SPARSE_STEP,
    });

    broken = false;
    await runner.start();
    await runner.waitForPosition(18 * SPARSE_STEP);
    await runner.stop();
    expect((await runner.status()).state).toBe('stopped');
    // Ten filings, each applied once: none again after the resume, none skipped.
    expect(applied.size).toBe(10);
    expect([...applied.values()].every((times) => times === 1)).toBe(true);

    const clean = SqliteReadStore.open(temp.file('clean.sqlite'));
    const cleanRunner = new ProjectionRunner(runnerDeps(eventStore, clean), filings, { batchSize: 5 });
    await cleanRunner.start();
    await cleanRunner.waitForPosition(18 * SPARSE_STEP);
    await cleanRunner.stop();
    expect(await snapshotReadModels(readStore, [filings])).toEqual(
      await snapshotReadModels(clean, [filings]),
    );
    expect(await readStore.count('complaints_v3', {})).toBe(10);
    await Promise.all([eventStore.close(), readStore.close(), clean.close()]);
  });
});
