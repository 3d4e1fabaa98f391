import { accepted, enrol, get, post, settleLoyalty, settleRepairOrder } from '../support/loyalty-api';
import { startTestApp, type TestApp, testClock } from '../support/test-app';

const PAID = { roType: 'paid-maintenance', payer: 'customer' };

/**
 * Re-enrolment after a lapse (issue 19 §4), worked by hand at d-sh-01 (DEFAULT_LOYALTY_RULES: silver earns
 * 1 point per RMB, lots last 24 months, a membership lapses 18 months after the last paid visit):
 *   cu-v1 enrols 5 Jan 2026 10:00 CST with card C-cu-v1
 *   ro-r1 settled 10 Feb 2026 10:00 CST, paid 300 + 200 RMB          → +500 (lot-1), lapse due 10 Aug 2027 10:00
 *   cu-v1 buys voucher V-R1 for 200 points, 50 RMB, valid to 1 Jun 2028 → −200, 300 left
 *   no paid visit: the membership lapses 10 Aug 2027 10:00 CST (02:00 UTC), forfeiting 300
 *   re-enrolled 1 Sep 2027 10:00 CST with card R-2: silver, 0 points, lifetime 0, lapse due 1 Mar 2029 10:00
 *   ro-r2 settled 1 Oct 2027 10:00 CST, paid 100 RMB                  → +100 (lot-2), lapse due 1 Apr 2029
 * Club statistics of d-sh-01: August 2027 (as of 1 Sep 00:00 CST) 0 active; September 2027 1 active, silver.
 */
describe('club: re-enrolment after a lapse', () => {
  const clock = testClock('2027-10-20T10:00:00+08:00');
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ clock });
    await enrol(api, 'cu-v1', '2026-01-05T10:00:00+08:00');
    await settleRepairOrder(api, 'ro-r1', 'V1', '2026-02-10T10:00:00+08:00', {
      ...PAID,
      labourFen: 30_000,
      partsFen: 20_000,
    });
    await settleLoyalty(api);
    await accepted(api, '/memberships/cu-v1/vouchers', {
      voucherCode: 'V-R1',
      points: 200,
      valueFen: 5_000,
      expiresAt: '2028-06-01T00:00:00+08:00',
      occurredAt: '2026-03-01T10:00:00+08:00',
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('refuses to re-enrol an active member (422 MEMBERSHIP_STILL_ACTIVE), appending nothing', async () => {
    const head = await api.eventStore.headPosition();
    const response = await post(api, '/memberships/cu-v1/re-enrolment', {
      cardNumber: 'R-2',
      occurredAt: '2027-08-09T10:00:00+08:00',
    });
    expect([response.statusCode, response.json().code]).toEqual([422, 'MEMBERSHIP_STILL_ACTIVE']);
    expect(response.json().details).toMatchObject({ lapseDueAt: '2027-08-10T02:00:00.000Z' });
    expect(await api.eventStore.headPosition()).toBe(head);
  });

  it('re-enrols the lapsed member as a new period: the lapse recorded first, a new card, silver, no points', async () => {
    await accepted(api, '/memberships/cu-v1/re-enrolment', {
      cardNumber: 'R-2',
      occurredAt: '2027-09-01T10:00:00+08:00',
    });
    await api.settle();
    const member = await get(api, '/memberships/cu-v1');
    expect(member).toMatchObject({
      status: 'active',
      cardNumber: 'R-2',
      tier: 'silver',
      lifetimePoints: 0,
      enrolledAt: '2027-09-01T02:00:00.000Z',
      lapseDueAt: '2029-03-01T02:00:00.000Z',
    });
    // The voucher bought in the first period stays valid.
    expect(member.vouchers).toMatchObject([{ voucherCode: 'V-R1', status: 'issued', valueFen: 5_000 }]);
    const ledger = await get(api, '/memberships/cu-v1/ledger');
    expect(
      ledger.items.map((line: { kind: string; points: number; at: string }) => [
        line.kind,
        line.points,
        line.at,
      ]),
    ).toEqual([
      ['earned', 500, '2026-02-10T02:00:00.000Z'],
      ['redeemed', -200, '2026-03-01T02:00:00.000Z'],
      ['forfeited', -300, '2027-08-10T02:00:00.000Z'],
    ]);
    expect(await get(api, '/club/members/by-card/C-cu-v1')).toMatchObject({
      status: 'replaced',
      replacedBy: 'R-2',
    });
    expect(await get(api, '/club/members/by-card/R-2')).toMatchObject({
      customerId: 'cu-v1',
      status: 'active',
    });
  });

  it('earns in the new period from zero, at the entry tier', async () => {
    await settleRepairOrder(api, 'ro-r2', 'V1', '2027-10-01T10:00:00+08:00', {
      ...PAID,
      labourFen: 10_000,
      partsFen: 0,
    });
    await settleLoyalty(api);
    expect(await get(api, '/memberships/cu-v1')).toMatchObject({
      lifetimePoints: 100,
      tier: 'silver',
      lapseDueAt: '2029-04-01T02:00:00.000Z',
    });
  });

  it('counts the member out in August and in again in September in the club statistics', async () => {
    const august = await get(api, '/club/statistics?month=2027-08&dealerId=d-sh-01');
    expect(august).toMatchObject({ activeMembers: 0 });
    const september = await get(api, '/club/statistics?month=2027-09&dealerId=d-sh-01');
    expect(september).toMatchObject({ activeMembers: 1, membersByTier: { silver: 1, gold: 0, platinum: 0 } });
  });

  it('keeps enrolment refused on an existing membership (409), an unknown member 404, a malformed card 400', async () => {
    const again = await post(api, '/memberships', {
      customerId: 'cu-v1',
      cardNumber: 'R-9',
      homeDealerId: 'd-sh-01',
      occurredAt: '2027-10-10T10:00:00+08:00',
    });
    expect([again.statusCode, again.json().code]).toEqual([409, 'MEMBERSHIP_ALREADY_ENROLLED']);
    const unknown = await post(api, '/memberships/cu-nobody/re-enrolment', { cardNumber: 'R-3' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'MEMBERSHIP_NOT_FOUND']);
    const bad = await post(api, '/memberships/cu-v1/re-enrolment', { cardNumber: 'has space' });
    expect(bad.statusCode).toBe(400);
  });
});
