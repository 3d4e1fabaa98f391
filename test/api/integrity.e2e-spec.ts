import Database from 'better-sqlite3';
import { join } from 'node:path';
import { newEvent } from '../contract/event-store.contract';
import { startTestApp, type TestApp } from '../support/test-app';

const json = { 'content-type': 'application/json' };
const file = (api: TestApp, complaintId: string) =>
  api.request({
    method: 'POST',
    url: '/complaints',
    headers: json,
    payload: {
      complaintId,
      dealerId: 'd-1',
      channel: 'web',
      category: 'service',
      severity: 'minor',
      customer: { customerId: 'cu-1', name: 'Li Lei', phone: '13900001111' },
      description: 'waited two hours',
      remedySought: 'an apology',
    },
  });

describe('tamper evidence: hash-chained events', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
    for (const id of ['c-1', 'c-2']) {
      await file(api, id);
      await api.request({
        method: 'POST',
        url: `/complaints/${id}/acknowledge`,
        headers: json,
        payload: { note: 'sorry' },
      });
    }
    // The customer-index reactor records the complaints' phone once (same customer, dealer and phone).
    await api.settle();
  });
  afterAll(async () => {
    await api.close();
  });

  it('chains each event to the one before it in its stream', async () => {
    const [filed, acknowledged] = await api.eventStore.readStream('complaint-c-1');
    expect(filed.metadata.previousHash).toBe('0'.repeat(64));
    expect(filed.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(acknowledged.metadata.previousHash).toBe(filed.metadata.hash);
    const report = await api.request({ method: 'GET', url: '/integrity/streams/complaint-c-1' });
    expect(report.json()).toEqual({
      streamId: 'complaint-c-1',
      eventsChecked: 2,
      intact: true,
      firstBreak: null,
    });
    const all = await api.request({ method: 'POST', url: '/integrity/verify' });
    // Two complaints of two events each, the admin credential the test app issued and the phone's blind
    // index (one stream and one event each).
    expect(all.json()).toMatchObject({ streamsChecked: 4, eventsChecked: 6, intact: true, firstBreak: null });
  });

  it('reports the stream and the first broken position after a stored event is altered', async () => {
    const [, acknowledged] = await api.eventStore.readStream('complaint-c-2');
    const db = new Database(join(api.dataDir, 'events.sqlite'));
    db.prepare(
      "UPDATE events SET data = json_set(data, '$.onTime', json('true'), '$.note', 'called at once') WHERE position = ?",
    ).run(acknowledged.globalPosition);
    db.close();

    const report = await api.request({ method: 'GET', url: '/integrity/streams/complaint-c-2' });
    expect(report.json()).toMatchObject({
      streamId: 'complaint-c-2',
      intact: false,
      firstBreak: {
        streamId: 'complaint-c-2',
        revision: 1,
        globalPosition: acknowledged.globalPosition,
        reason: 'hash-mismatch',
      },
    });
    const all = await api.request({ method: 'POST', url: '/integrity/verify' });
    expect(all.json()).toMatchObject({
      intact: false,
      firstBreak: { streamId: 'complaint-c-2', revision: 1, globalPosition: acknowledged.globalPosition },
      brokenStreams: [expect.objectContaining({ streamId: 'complaint-c-2' })],
    });
  });

  it('reports an event slipped into a stream without going through the pipeline', async () => {
    await api.eventStore.appendToStream(
      'complaint-c-1',
      [newEvent('ComplaintClosed', { complaintId: 'c-1' })],
      1,
    );
    const report = await api.request({ method: 'GET', url: '/integrity/streams/complaint-c-1' });
    expect(report.json()).toMatchObject({
      intact: false,
      firstBreak: { revision: 2, reason: 'missing-hash' },
    });
  });

  it('answers 404 for a stream that does not exist', async () => {
    const response = await api.request({ method: 'GET', url: '/integrity/streams/complaint-nobody' });
    expect(response.statusCode).toBe(404);
  });
});
