import type { ComplaintChannel } from '../../src/domain/complaint/complaint.types';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

/*
 * Nine complaints filed over HTTP at two dealers, in March and April 2026. Times UTC; the month is the
 * filing's business month in Shanghai (UTC+8):
 *
 *  c-1  d-1  hotline          03-05 02:00  March
 *  c-2  d-1  web              03-12 01:00  March (transferred to d-2 on 03-13: still d-1's filing)
 *  c-3  d-1  hotline          03-31 15:30  March (23:30 on 31 March in Shanghai)
 *  c-4  d-1  hotline          03-31 16:30  April (00:30 on 1 April in Shanghai, though March in UTC)
 *  c-5  d-1  dealer           04-03 06:00  April
 *  c-6  d-2  oem-call-centre  03-20 03:00  March
 *  c-7  d-2  oem-call-centre  04-02 03:00  April
 *  c-8  d-2  oem-call-centre  04-08 03:00  April
 *  c-9  d-2  hotline          04-09 03:00  April
 *
 * So, sorted by dealer, month and channel: d-1 March hotline 2 (c-1, c-3), web 1 (c-2); d-1 April dealer 1
 * (c-5), hotline 1 (c-4); d-2 March oem-call-centre 1 (c-6); d-2 April hotline 1 (c-9), oem-call-centre 2
 * (c-7, c-8). No row for a channel without a filing.
 */
const D1_MARCH = [
  { dealerId: 'd-1', month: '2026-03', channel: 'hotline', filed: 2 },
  { dealerId: 'd-1', month: '2026-03', channel: 'web', filed: 1 },
];
const D1_APRIL = [
  { dealerId: 'd-1', month: '2026-04', channel: 'dealer', filed: 1 },
  { dealerId: 'd-1', month: '2026-04', channel: 'hotline', filed: 1 },
];
const D2_MARCH = [{ dealerId: 'd-2', month: '2026-03', channel: 'oem-call-centre', filed: 1 }];
const D2_APRIL = [
  { dealerId: 'd-2', month: '2026-04', channel: 'hotline', filed: 1 },
  { dealerId: 'd-2', month: '2026-04', channel: 'oem-call-centre', filed: 2 },
];

const json = { 'content-type': 'application/json' };

describe('complaints filed per channel over HTTP: GET /complaints/channels/monthly', () => {
  const clock = testClock('2026-03-01T00:00:00.000Z');
  let api: TestApp;

  const post = async (url: string, payload: Record<string, unknown>, at: string) => {
    clock.set(at);
    const response = await api.request({ method: 'POST', url, headers: json, payload });
    if (response.statusCode >= 300)
      throw new Error(`${url} at ${at}: ${response.statusCode} ${response.body}`);
  };
  const file = (complaintId: string, dealerId: string, channel: ComplaintChannel, at: string) =>
    post(
      '/complaints',
      {
        complaintId,
        dealerId,
        channel,
        category: 'service',
        severity: 'general',
        customer: { customerId: `cu-${complaintId}`, name: `Customer ${complaintId}`, phone: '13812345678' },
        description: `complaint ${complaintId}`,
        remedySought: 'free re-repair',
      },
      at,
    );
  const get = async (url: string, role: 'analyst' | 'dealer-manager' = 'analyst') =>
    api.request({ method: 'GET', url, headers: await api.as({ role }) });

  beforeAll(async () => {
    api = await startTestApp({ clock });
    await file('c-1', 'd-1', 'hotline', '2026-03-05T02:00:00.000Z');
    await file('c-2', 'd-1', 'web', '2026-03-12T01:00:00.000Z');
    await post(
      '/complaints/c-2/assign',
      { dealerId: 'd-2', reason: 'the car is serviced there' },
      '2026-03-13T01:00:00.000Z',
    );
    await file('c-3', 'd-1', 'hotline', '2026-03-31T15:30:00.000Z');
    await file('c-4', 'd-1', 'hotline', '2026-03-31T16:30:00.000Z');
    await file('c-5', 'd-1', 'dealer', '2026-04-03T06:00:00.000Z');
    await file('c-6', 'd-2', 'oem-call-centre', '2026-03-20T03:00:00.000Z');
    await file('c-7', 'd-2', 'oem-call-centre', '2026-04-02T03:00:00.000Z');
    await file('c-8', 'd-2', 'oem-call-centre', '2026-04-08T03:00:00.000Z');
    await file('c-9', 'd-2', 'hotline', '2026-04-09T03:00:00.000Z');
    await api.settle();
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers the network-wide figures sorted by dealer, month and channel', async () => {
    const all = await get('/complaints/channels/monthly');
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual([...D1_MARCH, ...D1_APRIL, ...D2_MARCH, ...D2_APRIL]);
    // c-2 is d-2's now, and still counted as d-1's web filing.
    expect((await get('/complaints/c-2')).json()).toMatchObject({ dealerId: 'd-2', channel: 'web' });
  });

  it('filters by dealer, by month, or both', async () => {
    expect((await get('/complaints/channels/monthly?dealerId=d-2')).json()).toEqual([
      ...D2_MARCH,
      ...D2_APRIL,
    ]);
    expect((await get('/complaints/channels/monthly?month=2026-04')).json()).toEqual([
      ...D1_APRIL,
      ...D2_APRIL,
    ]);
    expect((await get('/complaints/channels/monthly?dealerId=d-1&month=2026-03')).json()).toEqual(D1_MARCH);
    expect((await get('/complaints/channels/monthly?month=2026-05')).json()).toEqual([]);
  });

  it('keeps a dealer-bound credential to its own dealer and refuses another', async () => {
    // The test principal of a dealer-bound role acts for d-1.
    const own = await get('/complaints/channels/monthly', 'dealer-manager');
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual([...D1_MARCH, ...D1_APRIL]);
    const other = await get('/complaints/channels/monthly?dealerId=d-2', 'dealer-manager');
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'DEALER_FORBIDDEN' });
  });

  it('refuses a malformed month with 400', async () => {
    const response = await get('/complaints/channels/monthly?month=2026-13');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
