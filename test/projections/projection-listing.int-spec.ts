import { listProjections } from '../../src/infrastructure/projections/projection-listing';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { complaintDetailsProjection } from '../../src/projections/complaint-details/complaint-details.projection';
import { writeComplaintHistory } from '../support/complaint-history';
import { runnerDeps, tempDir } from '../support/projection-fixtures';

describe('projections as another process lists them (crm projections list)', () => {
  const temp = tempDir('crm-listing-');
  afterAll(() => temp.remove());

  it('shows a runner that waits out an outage as retrying, with its attempt and last error, and the lag counted', async () => {
    const eventStore = SqliteEventStore.open(temp.file('events.sqlite'));
    const readStore = SqliteReadStore.open(temp.file('read.sqlite'));
    // complaintHistory(40, 2) is 70 events; the runner had committed 30 of them.
    await writeComplaintHistory(eventStore, 40, 2);
    await readStore.writeCheckpoint({
      name: `projection:complaint-details@v${complaintDetailsProjection.version}`,
      position: 30,
      status: 'retrying',
      error: {
        message: 'MongoDB could not serve commitBatch (not primary)',
        position: 30,
        eventId: '',
        eventType: '',
        streamId: '',
        at: '2026-03-31T23:59:00.000Z',
        attempt: 4,
      },
      updatedAt: '2026-03-31T23:59:30.000Z',
    });
    const [row] = await listProjections(runnerDeps(eventStore, readStore), [complaintDetailsProjection]);
    expect(row).toMatchObject({
      name: 'complaint-details',
      state: 'retrying',
      error: null,
      retry: {
        attempt: 4,
        since: '2026-03-31T23:59:00.000Z',
        lastError: 'MongoDB could not serve commitBatch (not primary)',
      },
      lag: { events: 40, head: 70 },
    });
    await Promise.all([eventStore.close(), readStore.close()]);
  });
});
