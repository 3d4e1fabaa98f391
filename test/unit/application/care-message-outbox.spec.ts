import { createCareMessageOutboxReactor } from '../../../src/application/care-task/care-message-outbox.reactor';
import { OUTBOX_COLLECTION } from '../../../src/application/ports/outbound-message.port';
import type { StoredEvent } from '../../../src/application/ports/event-store.port';
import type { CommandPipeline } from '../../../src/application/shared/command-pipeline';
import type { DataSubjectState } from '../../../src/domain/privacy/privacy.events';
import { OutboxMessageAdapter } from '../../../src/infrastructure/outbox/outbox-message.adapter';
import { SqliteReadStore } from '../../../src/infrastructure/sqlite/sqlite-read-store';

const queued = (globalPosition: number): StoredEvent =>
  ({
    eventId: 'ev-1',
    type: 'CareTaskMessageQueued',
    schemaVersion: 1,
    streamId: 'caretask-maintenance-ro-1',
    revision: 1,
    globalPosition,
    recordedAt: '2026-04-09T14:30:01.000Z',
    occurredAt: '2026-04-09T14:30:00.000Z',
    metadata: {} as StoredEvent['metadata'],
    data: {
      taskId: 'maintenance-ro-1',
      dealerId: 'd-1',
      customerId: 'cu-1',
      channel: 'sms',
      templateId: 'care-reminder-1',
      queuedBy: 'cs-wang',
      queuedAt: '2026-04-09T14:30:00.000Z',
      sendAt: '2026-04-10T00:00:00.000Z',
    },
  }) as StoredEvent;

const pipelineSaying = (subject: DataSubjectState) =>
  ({ currentState: async () => subject }) as unknown as CommandPipeline;
const context = { commandContext: () => ({}) as never };

describe('care message outbox (reactor and local adapter)', () => {
  let readStore: SqliteReadStore;
  beforeEach(() => {
    readStore = SqliteReadStore.open(':memory:');
  });
  afterEach(async () => {
    await readStore.close();
  });

  it('writes each queued message once, keyed by its event id (at least once delivery)', async () => {
    const outbox = new OutboxMessageAdapter(readStore, () => new Date('2026-04-09T14:31:00.000Z'));
    const reactor = createCareMessageOutboxReactor(pipelineSaying({ status: 'known' }), outbox);
    await reactor.react(queued(7), context);
    await reactor.react(queued(7), context);
    const docs = await readStore.find(OUTBOX_COLLECTION, {});
    expect(docs).toEqual([
      {
        messageId: 'ev-1',
        dealerId: 'd-1',
        taskId: 'maintenance-ro-1',
        recipient: { customerId: 'cu-1', channel: 'sms' },
        templateId: 'care-reminder-1',
        queuedAt: '2026-04-09T14:30:00.000Z',
        sendAt: '2026-04-10T00:00:00.000Z',
        status: 'pending',
        reason: null,
      },
    ]);
  });

  it('withholds a message whose customer was forgotten after it was queued', async () => {
    const outbox = new OutboxMessageAdapter(readStore, () => new Date('2026-04-09T14:31:00.000Z'));
    const forgotten = pipelineSaying({ status: 'forgotten', forgottenAt: '2026-04-09T14:30:30.000Z' });
    await createCareMessageOutboxReactor(forgotten, outbox).react(queued(8), context);
    expect(await readStore.find(OUTBOX_COLLECTION, {})).toMatchObject([
      { status: 'withheld', reason: 'customer-forgotten' },
    ]);
  });
});
