import { salesApi, settleSales } from './sales-api';
import type { TestApp } from './test-app';

/**
 * March 2026 at dealer d-sh-01, driven through the HTTP API in the order it happened; the figures are
 * worked out by hand in test/api/sales-month.e2e-spec.ts. Times are China Standard Time (UTC+8).
 *
 * | id  | registered    | channel  | model  | consultant        | what happened                                               | end       |
 * |-----|---------------|----------|--------|-------------------|-------------------------------------------------------------|-----------|
 * | p01 | 02 Mar 10:00  | walk-in  | Lavida | sc-li             | needs, present, test drive, quote, order 06, delivered 12   | delivered |
 * | p02 | 02 Mar 14:00  | phone    | Tiguan | sc-li             | needs, present, quote; lost 10 Mar: price                   | F quoted  |
 * | p03 | 03 Mar 10:00  | walk-in  | Lavida | sc-wu             | nothing more (grade C)                                      | C         |
 * | p04 | 03 Mar 15:00  | web      | Lavida | sc-wu             | present, quote (no test drive), order 05, delivered 15 late | delivered |
 * | p05 | 04 Mar 09:00  | oem-lead | Passat | sc-zhou           | needs; follow-up 08 Mar, next contact planned 25 Mar        | A         |
 * | p06 | 05 Mar 10:00  | walk-in  | Passat | sc-zhou           | needs, present, test drive; lost 12 Mar: competitor brand   | F t-drive |
 * | p07 | 06 Mar 10:00  | campaign | Lavida | sc-li             | present, test drive, quote, order 07, delivered 20          | delivered |
 * | p08 | 07 Mar 10:00  | referral | Tiguan | sc-wu             | regraded A → H on 09 Mar, no contact since registration     | H         |
 * | p09 | 09 Mar 10:00  | walk-in  | Lavida | sc-li             | needs; lost 16 Mar: postponed; reactivated as C on 25 Mar   | C         |
 * | p10 | 10 Mar 10:00  | outbound | Passat | sc-zhou           | lost 20 Mar: unreachable                                    | F reg.    |
 * | p11 | 11 Mar 10:00  | walk-in  | Tiguan | sc-wu             | needs, present, quote, order 14; order cancelled 18 Mar     | A quoted  |
 * | p12 | 12 Mar 10:00  | phone    | Lavida | sc-li             | walks in again 14 Mar (duplicate → touch), present, test    | A         |
 * |     |               |          |        |                   | drive; follow-ups 17 and 27 Mar, next contact 31 Mar 15:00  |           |
 * | p13 | 16 Mar 10:00  | walk-in  | Passat | sc-zhou → sc-li   | reassigned 18 Mar (sc-zhou on leave)                        | B         |
 * | p14 | 20 Mar 10:00  | walk-in  | Lavida | sc-wu             | needs, present                                              | H         |
 * | p15 | 23 Mar 10:00  | web      | Lavida | sc-li             | nothing more                                                | B         |
 * | p16 | 01 Apr 00:30  | walk-in  | Lavida | sc-wu             | April cohort (31 Mar 16:30 UTC): not in March               | H         |
 *
 * Walk-in groups logged in March: 02 Mar 3 + 2, 03 Mar 3, 05 Mar 2, 09 Mar 2, 11 Mar 3, 16 Mar 2, 20 Mar 3 = 20.
 */
export const cst = (when: string) => `2026-${when.slice(0, 5)}T${when.slice(6)}:00+08:00`;
export const DEALER = 'd-sh-01';

type Answer = Awaited<ReturnType<ReturnType<typeof salesApi>['post']>>;
type Step = { at: string; label: string; run: (occurredAt: string) => Promise<Answer>; expected: number };

/** The month as dated steps; `runUntil` plays, in time order, those before a moment and waits for the projections. */
export const marchScenario = (api: TestApp) => {
  const sales = salesApi(api);
  const saleOf: Record<string, string> = {};
  const steps: Step[] = [];
  let done = 0;

  const on = (when: string, label: string, run: Step['run'], expected = 200) =>
    steps.push({ at: cst(when), label, run, expected });
  const register = (
    id: string,
    when: string,
    channel: string,
    model: string,
    consultantId: string,
    grade: string,
  ) =>
    on(
      when,
      `register ${id}`,
      (occurredAt) =>
        sales.register({
          prospectId: id,
          dealerId: DEALER,
          consultantId,
          channel,
          contact: { name: `客户 ${id}`, phone: `1391234${id.slice(1).padStart(4, '0')}` },
          modelOfInterest: model,
          grade,
          ...(channel === 'campaign' ? { campaignId: 'cmp-spring-2026' } : {}),
          occurredAt,
        }),
      201,
    );
  const step = (id: string, when: string, path: string, body: object = {}) =>
    on(when, `${path} ${id}`, (occurredAt) => sales.prospect(id, path, { ...body, occurredAt }));
  const testDrive = (id: string, when: string, model: string) => {
    step(id, when, 'test-drives/bookings', { model, scheduledFor: cst(when) });
    step(id, when, 'test-drives');
  };
  const quote = (id: string, when: string, model: string, listPriceFen: number, discountFen: number) =>
    step(id, when, 'quotes', { model, listPriceFen, discountFen, financeOption: 'loan' });
  const order = (
    id: string,
    when: string,
    model: string,
    listPriceFen: number,
    discountFen: number,
    promised: string,
  ) =>
    on(
      when,
      `order ${id}`,
      async (occurredAt) => {
        const answer = await sales.prospect(id, 'order', {
          model,
          listPriceFen,
          discountFen,
          payment: 'loan',
          promisedDeliveryAt: cst(promised),
          occurredAt,
        });
        saleOf[id] = answer.body.saleId;
        return answer;
      },
      201,
    );
  const lose = (id: string, when: string, lostReason: string) =>
    step(id, when, 'grade', { grade: 'F', lostReason });
  const deliver = (id: string, prepared: string, delivered: string) => {
    const vin = `LSVAA4182E21000${id.slice(1)}`;
    const sale = (when: string, path: string, body: object = {}) =>
      on(when, `${path} ${id}`, (occurredAt) => sales.sale(saleOf[id], path, { ...body, occurredAt }));
    sale(prepared, 'deposit', { amountFen: 500_000 });
    sale(prepared, 'allocation', { vin });
    sale(prepared, 'invoice', { invoiceNo: `INV-${id}` });
    sale(prepared, 'settlement');
    sale(prepared, 'inspection', { inspectorId: 'qc-zhao' });
    sale(delivered, 'delivery');
  };
  const survey = (answers: number[], wouldRecommend: number) => ({
    reached: true,
    survey: {
      answers: {
        'delivery-process': answers[0],
        'sales-initiation': answers[1],
        deal: answers[2],
        'dealer-facility': answers[3],
        salesperson: answers[4],
      },
      wouldRecommend,
    },
  });
  const callback = (id: string, when: string, body: object) =>
    on(when, `callback ${id}`, (occurredAt) => sales.sale(saleOf[id], 'callback', { ...body, occurredAt }));
  const traffic = (date: string, groups: number) =>
    on(
      `${date.slice(5)} 20:00`,
      `traffic ${date}`,
      (occurredAt) => sales.post('/showroom-traffic', { dealerId: DEALER, date, groups, occurredAt }),
      201,
    );

  /** Runs, in time order, every step before `until`. */
  const runUntil = async (until: string) => {
    const ordered = [...steps].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    while (done < ordered.length && Date.parse(ordered[done].at) < Date.parse(until)) {
      const { at, label, run, expected } = ordered[done];
      const answer = await run(at);
      if (answer.status !== expected)
        throw new Error(`${label} at ${at}: ${answer.status} ${JSON.stringify(answer.body)}`);
      done += 1;
    }
    await settleSales(api);
  };

  traffic('2026-03-02', 3);
  traffic('2026-03-02', 2);
  traffic('2026-03-03', 3);
  traffic('2026-03-05', 2);
  traffic('2026-03-09', 2);
  traffic('2026-03-11', 3);
  traffic('2026-03-16', 2);
  traffic('2026-03-20', 3);

  register('p01', '03-02 10:00', 'walk-in', 'Lavida', 'sc-li', 'A');
  step('p01', '03-02 10:30', 'needs-analysis', { summary: 'Commute, family of three, automatic' });
  step('p01', '03-02 11:00', 'presentations', { model: 'Lavida' });
  testDrive('p01', '03-02 11:30', 'Lavida');
  quote('p01', '03-04 15:00', 'Lavida', 15_000_000, 800_000);
  order('p01', '03-06 10:00', 'Lavida', 15_000_000, 800_000, '03-12 18:00');
  deliver('p01', '03-11 10:00', '03-12 16:00');
  callback('p01', '03-18 10:00', survey([10, 9, 8, 9, 10], 10));

  register('p02', '03-02 14:00', 'phone', 'Tiguan', 'sc-li', 'B');
  step('p02', '03-03 10:00', 'needs-analysis', { summary: 'SUV for weekend trips' });
  step('p02', '03-05 10:00', 'presentations', { model: 'Tiguan' });
  quote('p02', '03-05 11:00', 'Tiguan', 25_000_000, 1_000_000);
  lose('p02', '03-10 10:00', 'price');

  register('p03', '03-03 10:00', 'walk-in', 'Lavida', 'sc-wu', 'C');

  register('p04', '03-03 15:00', 'web', 'Lavida', 'sc-wu', 'H');
  step('p04', '03-04 10:00', 'presentations', { model: 'Lavida' });
  quote('p04', '03-04 11:00', 'Lavida', 15_000_000, 600_000);
  order('p04', '03-05 10:00', 'Lavida', 15_000_000, 600_000, '03-14 18:00');
  deliver('p04', '03-14 10:00', '03-15 10:00');
  callback('p04', '03-20 10:00', { reached: false });
  callback('p04', '03-21 10:00', survey([8, 7, 6, 8, 9], 6));

  register('p05', '03-04 09:00', 'oem-lead', 'Passat', 'sc-zhou', 'A');
  step('p05', '03-04 10:00', 'needs-analysis', { summary: 'Company car, black' });
  step('p05', '03-08 10:00', 'follow-ups', {
    channel: 'phone',
    outcome: 'reached',
    nextContactAt: cst('03-25 10:00'),
  });

  register('p06', '03-05 10:00', 'walk-in', 'Passat', 'sc-zhou', 'B');
  step('p06', '03-05 10:30', 'needs-analysis', { summary: 'Upgrade from a compact' });
  step('p06', '03-05 11:00', 'presentations', { model: 'Passat' });
  testDrive('p06', '03-07 10:00', 'Passat');
  lose('p06', '03-12 10:00', 'bought-competitor-brand');

  register('p07', '03-06 10:00', 'campaign', 'Lavida', 'sc-li', 'H');
  step('p07', '03-06 10:30', 'presentations', { model: 'Lavida' });
  testDrive('p07', '03-06 11:00', 'Lavida');
  quote('p07', '03-06 12:00', 'Lavida', 15_000_000, 1_000_000);
  order('p07', '03-07 10:00', 'Lavida', 15_000_000, 1_000_000, '03-20 18:00');
  deliver('p07', '03-19 10:00', '03-20 10:00');
  callback('p07', '03-27 10:00', survey([9, 8, 7, 10, 9], 9));

  register('p08', '03-07 10:00', 'referral', 'Tiguan', 'sc-wu', 'A');
  step('p08', '03-09 10:00', 'grade', { grade: 'H', note: 'wants it before the holiday' });

  register('p09', '03-09 10:00', 'walk-in', 'Lavida', 'sc-li', 'B');
  step('p09', '03-09 10:30', 'needs-analysis', { summary: 'First car' });
  lose('p09', '03-16 10:00', 'postponed');
  step('p09', '03-25 10:00', 'reactivate', {
    grade: 'C',
    reason: 'called back: buying in summer after all',
  });

  register('p10', '03-10 10:00', 'outbound', 'Passat', 'sc-zhou', 'C');
  lose('p10', '03-20 10:00', 'unreachable');

  register('p11', '03-11 10:00', 'walk-in', 'Tiguan', 'sc-wu', 'A');
  step('p11', '03-11 10:30', 'needs-analysis', { summary: 'Seven seats' });
  step('p11', '03-11 11:00', 'presentations', { model: 'Tiguan' });
  quote('p11', '03-11 11:30', 'Tiguan', 25_000_000, 1_500_000);
  order('p11', '03-14 10:00', 'Tiguan', 25_000_000, 1_500_000, '03-28 18:00');
  on('03-18 10:00', 'cancel p11', (occurredAt) =>
    sales.sale(saleOf.p11, 'cancel', { reason: 'Loan application refused', occurredAt }),
  );

  register('p12', '03-12 10:00', 'phone', 'Lavida', 'sc-li', 'A');
  on('03-14 10:00', 'p12 walks in again', async (occurredAt) => {
    const again = await sales.register({
      prospectId: 'p12-walk-in',
      dealerId: DEALER,
      consultantId: 'sc-wu',
      channel: 'walk-in',
      contact: { name: '客户 p12', phone: '+86 139-1234-0012' },
      modelOfInterest: 'Lavida',
      grade: 'H',
      occurredAt,
    });
    expect(again.body).toMatchObject({ id: 'p12', duplicateOf: 'p12' });
    return again;
  });
  step('p12', '03-14 10:30', 'presentations', { model: 'Lavida' });
  testDrive('p12', '03-14 11:00', 'Lavida');
  step('p12', '03-14 12:00', 'follow-ups/scheduled', { dueAt: cst('03-17 10:00') });
  step('p12', '03-17 10:00', 'follow-ups', {
    channel: 'phone',
    outcome: 'reached',
    nextContactAt: cst('03-27 10:00'),
  });
  step('p12', '03-27 10:00', 'follow-ups', {
    channel: 'wechat',
    outcome: 'visit-booked',
    nextContactAt: cst('03-31 15:00'),
  });

  register('p13', '03-16 10:00', 'walk-in', 'Passat', 'sc-zhou', 'B');
  step('p13', '03-18 10:00', 'reassign', { consultantId: 'sc-li', reason: 'sc-zhou on leave' });

  register('p14', '03-20 10:00', 'walk-in', 'Lavida', 'sc-wu', 'H');
  step('p14', '03-20 10:30', 'needs-analysis', { summary: 'Wants the hybrid' });
  step('p14', '03-20 11:00', 'presentations', { model: 'Lavida' });

  register('p15', '03-23 10:00', 'web', 'Lavida', 'sc-li', 'B');
  register('p16', '04-01 00:30', 'walk-in', 'Lavida', 'sc-wu', 'H');

  return { sales, saleOf, runUntil };
};
