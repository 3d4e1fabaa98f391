import { startTestApp, type TestApp, testClock } from '../support/test-app';

/*
 * What `asOf` means on the routes that take it (issue 13 §2): the trail answers as it stood then; a worklist,
 * read from today's records, answers for today or later and refuses an earlier day rather than answer wrong.
 * The wall clock stands at 2026-03-20 14:00 CST.
 */
const NOW = '2026-03-20T06:00:00.000Z';
const json = { 'content-type': 'application/json' };

describe('asOf: as it stood then, or refused', () => {
  const clock = testClock(NOW);
  let api: TestApp;
  const post = async (url: string, payload: object) => {
    const response = await api.request({ method: 'POST', url, headers: json, payload });
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  };

  beforeAll(async () => {
    api = await startTestApp({ clock });
    await post('/complaints', {
      complaintId: 'c-1',
      dealerId: 'd-1',
      channel: 'hotline',
      category: 'service',
      severity: 'general',
      customer: { customerId: 'cu-1', name: 'Wang Fang', phone: '13812345678' },
      description: 'brake noise',
      remedySought: 'free re-repair',
      occurredAt: '2026-03-16T09:00:00+08:00',
    });
    await post('/complaints/c-1/acknowledge', { occurredAt: '2026-03-16T10:00:00+08:00' });
    await post('/complaints/c-1/proposals', {
      remedyOffered: 'free re-repair',
      occurredAt: '2026-03-17T10:00:00+08:00',
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('gives the trail as it stood at a past asOf: the facts dated up to it, the stage time up to it', async () => {
    const response = await api.request({
      method: 'GET',
      url: `/complaints/c-1/trail?asOf=${encodeURIComponent('2026-03-16T12:00:00+08:00')}`,
    });
    expect(response.statusCode).toBe(200);
    const trail = response.json();
    // Acknowledged 10:00, asked at 12:00: two hours in that stage; the proposal of the 17th had not happened.
    expect(
      trail.stages.map((s: { stage: string; minutesInStage: number }) => [s.stage, s.minutesInStage]),
    ).toEqual([
      ['filed', 60],
      ['acknowledged', 120],
    ]);
    expect(trail.status).toBe('acknowledged');
    expect(trail.remediesOffered).toEqual([]);
    expect(trail.entries.map((entry: { type: string }) => entry.type)).toEqual([
      'ComplaintFiled',
      'ComplaintAcknowledged',
    ]);
    const now = (await api.request({ method: 'GET', url: '/complaints/c-1/trail' })).json();
    expect(now.status).toBe('resolution-proposed');
  });

  it('answers 404 for the trail as of a time before the filing', async () => {
    const response = await api.request({
      method: 'GET',
      url: `/complaints/c-1/trail?asOf=${encodeURIComponent('2026-03-15T12:00:00+08:00')}`,
    });
    expect([response.statusCode, response.json().code]).toEqual([404, 'COMPLAINT_NOT_FILED_BY_AS_OF']);
  });

  const WORKLISTS = [
    '/complaints/worklist?dealerId=d-1',
    '/prospects/worklist?dealerId=d-1',
    '/vehicle-sales/callbacks?dealerId=d-1',
    '/service/callbacks?dealerId=d-1',
    '/service/maintenance-due?dealerId=d-1',
  ];

  it.each(WORKLISTS)('%s refuses an asOf of an earlier day with 400 naming asOf', async (url) => {
    // 23:59 on the 19th in Shanghai: the day before today.
    const response = await api.request({
      method: 'GET',
      url: `${url}&asOf=${encodeURIComponent('2026-03-19T23:59:00+08:00')}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ field: 'asOf', reason: expect.stringContaining('before today') })],
    });
  });

  it.each(WORKLISTS)('%s answers for earlier today and for later', async (url) => {
    for (const asOf of ['2026-03-20T00:00:00+08:00', '2026-03-27T09:00:00+08:00']) {
      const response = await api.request({ method: 'GET', url: `${url}&asOf=${encodeURIComponent(asOf)}` });
      expect([asOf, response.statusCode]).toEqual([asOf, 200]);
    }
  });
});
