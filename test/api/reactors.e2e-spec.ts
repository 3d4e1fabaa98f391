import { READ_STORE, type ReadStore } from '../../src/application/ports/read-store.port';
import { CommandPipeline } from '../../src/application/shared/command-pipeline';
import type { ReactorDefinition } from '../../src/application/shared/reactor';
import { complaintFeature } from '../../src/application/complaint/complaint.feature';
import { startTestApp, type TestApp } from '../support/test-app';

/** A reactor for the test: complaints filed on the web are acknowledged by the system at once. */
const holder: { pipeline?: CommandPipeline; reactions: number } = { reactions: 0 };
const autoAcknowledgeWeb: ReactorDefinition = {
  name: 'auto-acknowledge-web',
  handles: ['ComplaintFiled'],
  react: async (event, context) => {
    if (event.data.channel !== 'web') return;
    holder.reactions += 1;
    const complaintId = String(event.data.complaintId);
    await holder.pipeline!.execute(
      complaintFeature,
      { type: 'AcknowledgeComplaint', data: { complaintId, note: 'auto-reply sent' } },
      context.commandContext(),
    );
  },
};

const file = (api: TestApp, complaintId: string, channel: string) =>
  api.request({
    method: 'POST',
    url: '/complaints',
    headers: { 'content-type': 'application/json' },
    payload: {
      complaintId,
      channel,
      dealerId: 'd-1',
      category: 'staff',
      severity: 'minor',
      customer: { customerId: 'cu-1', name: 'Li Lei', phone: '13900001111' },
      description: 'rude on the phone',
      remedySought: 'an apology',
    },
  });

describe('reactors: exactly-once effects across restarts and rebuilds', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ reactors: [autoAcknowledgeWeb] });
    holder.pipeline = api.app.get(CommandPipeline);
  });
  afterAll(async () => {
    await api.close();
  });

  const streams = async () =>
    Promise.all(
      ['w-1', 'w-2', 'w-3', 'h-1'].map(async (id) =>
        (await api.eventStore.readStream(`complaint-${id}`)).map((event) => event.type),
      ),
    );
  const reactorAt = async () => (await api.engine.reactorStatuses())[0];
  const waitForReactor = async () => {
    const head = await api.eventStore.headPosition();
    for (let tries = 0; tries < 100 && (await reactorAt()).position < head; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('issues one command per event, caused by it, with the event as causation', async () => {
    for (const [id, channel] of [
      ['w-1', 'web'],
      ['w-2', 'web'],
      ['h-1', 'hotline'],
      ['w-3', 'web'],
    ]) {
      expect((await file(api, id, channel)).statusCode).toBe(201);
    }
    await waitForReactor();
    await waitForReactor();
    const acknowledged = ['ComplaintFiled', 'ComplaintAcknowledged'];
    expect(await streams()).toEqual([acknowledged, acknowledged, acknowledged, ['ComplaintFiled']]);
    const [filed, ack] = await api.eventStore.readStream('complaint-w-2');
    expect(ack.metadata).toMatchObject({
      causationId: filed.eventId,
      correlationId: filed.metadata.correlationId,
      actor: { userId: 'reactor:auto-acknowledge-web', role: 'system' },
    });
    expect(ack.occurredAt).toBe(filed.occurredAt);
  });

  it('appends nothing when a crash before the checkpoint makes it handle every event again', async () => {
    const head = await api.eventStore.headPosition();
    const before = holder.reactions;
    await api.engine.stop();
    await api.app.get<ReadStore>(READ_STORE).deleteCheckpoint('reactor:auto-acknowledge-web');
    await api.engine.start();
    await waitForReactor();
    expect(holder.reactions).toBe(before + 3);
    expect(await api.eventStore.headPosition()).toBe(head);
    expect((await reactorAt()).position).toBe(head);
  });

  it('does not fire again when a read model is rebuilt', async () => {
    const head = await api.eventStore.headPosition();
    const before = holder.reactions;
    await api.engine.rebuild('complaint-details');
    await api.settle();
    expect(holder.reactions).toBe(before);
    expect(await api.eventStore.headPosition()).toBe(head);
    const listed = await api.request({ method: 'GET', url: '/complaints?status=acknowledged' });
    expect(listed.json().total).toBe(3);
  });
});
