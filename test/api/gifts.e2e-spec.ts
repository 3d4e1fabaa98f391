import { accepted, enrol, get, post } from '../support/loyalty-api';
import { startTestApp, type TestApp, testClock } from '../support/test-app';

const D1 = 'd-sh-01';
const GIFT = '/club/gifts/g-umbrella';

/**
 * The gift shelf over HTTP, one small scenario worked out by hand. Umbrella, 800 points, dealer D1,
 * 3 units received. Members: cu-a 2,000 points, cu-b 500, cu-c 5,000 (credits by hand).
 *
 * | step                      | cu-a  | cu-b | cu-c  | received | reserved | handed out | returned | available |
 * |---------------------------|-------|------|-------|----------|----------|------------|----------|-----------|
 * | stock 3                   | 2,000 | 500  | 5,000 | 3        | 0        | 0          | 0        | 3         |
 * | rs-1 cu-a                 | 1,200 |      |       |          | 1        |            |          | 2         |
 * | rs-2 cu-a                 |   400 |      |       |          | 2        |            |          | 1         |
 * | rs-3 cu-b: 500 < 800      |       | 500  |       |          | 2 (released at once)  |   |          | 1         |
 * | hand out rs-1             |       |      |       |          | 1        | 1          |          | 1         |
 * | cancel rs-2 (refund 800)  | 1,200 |      |       |          | 0        |            |          | 2         |
 * | rs-4 cu-a                 |   400 |      |       |          | 1        |            |          | 1         |
 * | rs-5 cu-c                 |       |      | 4,200 |          | 2        |            |          | 0         |
 * | rs-6 cu-c: out of stock   |       |      | 4,200 |          | 2        |            |          | 0         |
 * | return rs-1               |       |      |       | 3        | 2        | 1          | 1        | 1         |
 * available at the end = 3 − 2 − 1 + 1 = 1.
 */
describe('club gifts: stock, redemption across gift and membership, cancellation, return', () => {
  const clock = testClock('2026-05-10T10:00:00+08:00');
  let api: TestApp;
  let dealer2: Record<string, string>;

  const credit = (customerId: string, delta: number) =>
    accepted(api, `/memberships/${customerId}/adjustments`, {
      adjustmentId: `welcome-${customerId}`,
      delta,
      reason: 'welcome',
      occurredAt: '2026-05-02T10:00:00+08:00',
    });
  const spendable = async (customerId: string) => {
    await api.settle();
    return (await get(api, `/memberships/${customerId}`)).spendablePoints;
  };
  const stock = async () => {
    await api.settle();
    const { received, reserved, handedOut, returned, available } = await get(api, GIFT);
    return { received, reserved, handedOut, returned, available };
  };
  const redeem = (reservationId: string, customerId: string, headers: Record<string, string> = {}) =>
    post(api, `${GIFT}/redemptions`, { reservationId, customerId }, headers);
  /** A refusal appends nothing anywhere: the store's head does not move. */
  const refusedUnchanged = async (send: () => ReturnType<typeof post>, status: number, code: string) => {
    const head = await api.eventStore.headPosition();
    const response = await send();
    expect([response.statusCode, response.json().code]).toEqual([status, code]);
    expect(await api.eventStore.headPosition()).toBe(head);
  };

  beforeAll(async () => {
    api = await startTestApp({ clock });
    dealer2 = await api.as({ role: 'dealer-manager', dealerId: 'd-bj-02', userId: 'dm-bj' });
    for (const [customerId, points] of [
      ['cu-a', 2_000],
      ['cu-b', 500],
      ['cu-c', 5_000],
    ] as const) {
      await enrol(api, customerId, '2026-05-01T10:00:00+08:00', D1);
      await credit(customerId, points);
    }
    await accepted(api, '/club/gifts', {
      giftId: 'g-umbrella',
      dealerId: D1,
      name: 'Umbrella',
      pointsPrice: 800,
    });
    await accepted(api, `${GIFT}/stock`, { quantity: 3 });
  });
  afterAll(async () => {
    await api.close();
  });

  it('follows the scenario: points and stock after each step', async () => {
    expect(await stock()).toEqual({ received: 3, reserved: 0, handedOut: 0, returned: 0, available: 3 });
    expect((await redeem('rs-1', 'cu-a')).statusCode).toBe(200);
    expect((await redeem('rs-2', 'cu-a')).statusCode).toBe(200);
    expect(await spendable('cu-a')).toBe(400); // 2,000 − 800 − 800
    expect(await stock()).toMatchObject({ reserved: 2, available: 1 });

    // cu-b has 500 < 800: the membership's refusal is the answer, the unit is released at once.
    const short = await redeem('rs-3', 'cu-b');
    expect([short.statusCode, short.json().code]).toEqual([422, 'INSUFFICIENT_POINTS']);
    expect(await spendable('cu-b')).toBe(500);
    expect(await stock()).toMatchObject({ reserved: 2, available: 1 });
    const rs3 = (await get(api, GIFT)).reservations.find(
      (r: { reservationId: string }) => r.reservationId === 'rs-3',
    );
    expect(rs3).toMatchObject({ status: 'released', customerId: 'cu-b' });

    await accepted(api, `${GIFT}/hand-outs`, { reservationId: 'rs-1' });
    await accepted(api, `${GIFT}/cancellations`, { reservationId: 'rs-2' });
    expect(await spendable('cu-a')).toBe(1_200); // 400 + 800 refunded
    expect(await stock()).toMatchObject({ reserved: 0, handedOut: 1, available: 2 });

    expect((await redeem('rs-4', 'cu-a')).statusCode).toBe(200);
    expect((await redeem('rs-5', 'cu-c')).statusCode).toBe(200);
    expect(await stock()).toMatchObject({ reserved: 2, available: 0 });
    await refusedUnchanged(() => redeem('rs-6', 'cu-c'), 422, 'GIFT_OUT_OF_STOCK');
    expect(await spendable('cu-c')).toBe(4_200); // 5,000 − 800 (rs-5 only)

    await accepted(api, `${GIFT}/returns`, { reservationId: 'rs-1', reason: 'faulty catch' });
    expect(await stock()).toEqual({ received: 3, reserved: 2, handedOut: 1, returned: 1, available: 1 });
    expect(await spendable('cu-a')).toBe(400); // 1,200 − 800 (rs-4); a return refunds nothing

    const catalogue = await get(api, `/club/gifts?dealerId=${D1}`);
    expect(catalogue.gifts).toEqual([
      expect.objectContaining({
        giftId: 'g-umbrella',
        pointsPrice: 800,
        reserved: 2,
        handedOut: 1,
        available: 1,
      }),
    ]);
  });

  it('a retry with the same Idempotency-Key appends nothing new on either stream', async () => {
    const key = { 'idempotency-key': 'gift-retry-1' };
    expect((await redeem('rs-7', 'cu-c', key)).statusCode).toBe(200); // 4,200 − 800 = 3,400
    const head = await api.eventStore.headPosition();
    expect((await redeem('rs-7', 'cu-c', key)).statusCode).toBe(200);
    expect(await api.eventStore.headPosition()).toBe(head);
    expect(await spendable('cu-c')).toBe(3_400);
    // without the key, the same reservation id is a duplicate
    await refusedUnchanged(() => redeem('rs-7', 'cu-c'), 409, 'GIFT_RESERVATION_EXISTS');
  });

  it("refuses another dealer's staff on this dealer's shelf, and unknown gifts and reservations", async () => {
    await refusedUnchanged(
      () => post(api, `${GIFT}/stock`, { quantity: 5 }, dealer2),
      403,
      'DEALER_FORBIDDEN',
    );
    await refusedUnchanged(() => redeem('rs-8', 'cu-a', dealer2), 403, 'DEALER_FORBIDDEN');
    await refusedUnchanged(
      () => post(api, '/club/gifts/g-none/stock', { quantity: 1 }),
      404,
      'GIFT_NOT_FOUND',
    );
    await refusedUnchanged(
      () => post(api, `${GIFT}/hand-outs`, { reservationId: 'rs-none' }),
      404,
      'GIFT_RESERVATION_NOT_FOUND',
    );
    await refusedUnchanged(
      () => post(api, `${GIFT}/cancellations`, { reservationId: 'rs-1' }),
      422,
      'GIFT_RESERVATION_NOT_RESERVED',
    );
  });
  it('never hands out more than the stock when redemptions of the last units arrive at once', async () => {
    // A second gift with 2 units; cu-c has 3,400 points, enough for 4 × 800 = 3,200.
    await accepted(api, '/club/gifts', { giftId: 'g-mug', dealerId: D1, name: 'Mug', pointsPrice: 800 });
    await accepted(api, '/club/gifts/g-mug/stock', { quantity: 2 });
    const responses = await Promise.all(
      Array.from({ length: 4 }, (_, n) =>
        post(api, '/club/gifts/g-mug/redemptions', { reservationId: `mug-${n}`, customerId: 'cu-c' }),
      ),
    );
    const outcomes = responses.map((r) => (r.statusCode === 200 ? 200 : `${r.statusCode} ${r.json().code}`));
    for (const outcome of outcomes)
      expect([200, '409 WRONG_EXPECTED_REVISION', '422 GIFT_OUT_OF_STOCK']).toContain(outcome);
    const won = outcomes.filter((outcome) => outcome === 200).length;
    expect(won).toBeGreaterThan(0);
    expect(won).toBeLessThanOrEqual(2);
    await api.settle();
    const mug = await get(api, '/club/gifts/g-mug');
    expect(mug).toMatchObject({ reserved: won, available: 2 - won });
    // Only the winners paid: 3,400 − 800 × won.
    expect(await spendable('cu-c')).toBe(3_400 - 800 * won);
  });
});
