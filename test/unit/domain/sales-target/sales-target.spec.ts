import type { SalesTargetCommand } from '../../../../src/domain/sales-target/sales-target.commands';
import {
  salesTargetDecider,
  salesTargetStreamId,
} from '../../../../src/domain/sales-target/sales-target.decider';
import type { SalesTargetEvent } from '../../../../src/domain/sales-target/sales-target.events';
import { daysInMonth, monthsBetween } from '../../../../src/domain/sales-target/target-month';
import { deciderSpecification } from '../../../support/decider-specification';

const spec = deciderSpecification(salesTargetDecider);
const manager = { userId: 'dm-wang', role: 'dealer-manager', dealerId: 'd-sh-01' };
const month = { dealerId: 'd-sh-01', month: '2026-03' };

const set = (
  line: { level: 'dealer' | 'consultant' | 'model'; consultantId?: string; model?: string },
  orders: number,
  deliveries: number,
  now = '2026-02-25T02:00:00.000Z',
): SalesTargetCommand => ({
  type: 'SetSalesTarget',
  data: { ...month, ...line, orders, deliveries },
  metadata: { now, actor: manager },
});
const revise = (
  line: { level: 'dealer' | 'consultant' | 'model'; consultantId?: string; model?: string },
  orders: number,
  deliveries: number,
  now: string,
  reason = 'OEM allocation cut',
): SalesTargetCommand => ({
  type: 'ReviseSalesTarget',
  data: { ...month, ...line, orders, deliveries, reason },
  metadata: { now, actor: manager },
});
const consultantSet: SalesTargetEvent = {
  type: 'SalesTargetSet',
  data: {
    ...month,
    level: 'consultant',
    consultantId: 'sc-li',
    model: null,
    orders: 6,
    deliveries: 5,
    setAt: '2026-02-25T02:00:00.000Z',
  },
};

describe('sales target decider', () => {
  it("sets the dealer's own line, a consultant's and a model's, each on its own", () => {
    spec
      .given([])
      .when(set({ level: 'dealer' }, 20, 18))
      .then([
        {
          type: 'SalesTargetSet',
          data: {
            ...month,
            level: 'dealer',
            consultantId: null,
            model: null,
            orders: 20,
            deliveries: 18,
            setAt: '2026-02-25T02:00:00.000Z',
          },
        },
      ]);
    // The consultant's line is set already; the dealer's and the model's are other lines (no roll-up).
    spec
      .given([consultantSet])
      .when(set({ level: 'model', model: 'Lavida' }, 9, 8))
      .then([
        {
          type: 'SalesTargetSet',
          data: {
            ...month,
            level: 'model',
            consultantId: null,
            model: 'Lavida',
            orders: 9,
            deliveries: 8,
            setAt: '2026-02-25T02:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses to set a line twice: it is revised with a reason', () => {
    spec
      .given([consultantSet])
      .when(set({ level: 'consultant', consultantId: 'sc-li' }, 7, 5))
      .thenThrows('SALES_TARGET_ALREADY_SET', {
        streamId: 'salestarget-d-sh-01_2026-03',
        line: 'consultant:sc-li',
      });
  });

  it('revises a line with the figures it replaces and the reason', () => {
    spec
      .given([consultantSet])
      .when(revise({ level: 'consultant', consultantId: 'sc-li' }, 4, 5, '2026-03-10T02:00:00.000Z'))
      .then([
        {
          type: 'SalesTargetRevised',
          data: {
            ...month,
            level: 'consultant',
            consultantId: 'sc-li',
            model: null,
            orders: 4,
            deliveries: 5,
            from: { orders: 6, deliveries: 5 },
            reason: 'OEM allocation cut',
            revisedAt: '2026-03-10T02:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses a revision of a line never set, with the same figures, or dated before its last change', () => {
    spec
      .given([consultantSet])
      .when(revise({ level: 'consultant', consultantId: 'sc-wu' }, 4, 5, '2026-03-10T02:00:00.000Z'))
      .thenThrows('SALES_TARGET_NOT_SET', { line: 'consultant:sc-wu' });
    spec
      .given([consultantSet])
      .when(revise({ level: 'consultant', consultantId: 'sc-li' }, 6, 5, '2026-03-10T02:00:00.000Z'))
      .thenThrows('SALES_TARGET_UNCHANGED');
    spec
      .given([consultantSet])
      .when(revise({ level: 'consultant', consultantId: 'sc-li' }, 4, 5, '2026-02-20T02:00:00.000Z'))
      .thenThrows('SALES_TARGET_FACT_OUT_OF_ORDER', {
        at: '2026-02-20T02:00:00.000Z',
        lastAt: '2026-02-25T02:00:00.000Z',
      });
  });

  it('keeps a month open until the end of the next month (CST), then refuses', () => {
    // 30 April 15:59 UTC is 23:59 CST, still April: March may be revised. 16:00 UTC is 1 May CST: closed.
    const line = { level: 'consultant' as const, consultantId: 'sc-li' };
    expect(
      salesTargetDecider.decide(
        revise(line, 4, 5, '2026-04-30T15:59:00.000Z'),
        salesTargetDecider.evolve(salesTargetDecider.initialState(), consultantSet),
      ),
    ).toHaveLength(1);
    spec
      .given([consultantSet])
      .when(revise(line, 4, 5, '2026-04-30T16:00:00.000Z'))
      .thenThrows('SALES_TARGET_MONTH_CLOSED', {
        month: '2026-03',
        closedAfter: '2026-04',
        today: '2026-05-01',
      });
    spec
      .given([])
      .when(set({ level: 'dealer' }, 20, 18, '2026-05-02T02:00:00.000Z'))
      .thenThrows('SALES_TARGET_MONTH_CLOSED');
  });

  it('refuses a line whose ids do not fit its level', () => {
    spec
      .given([])
      .when(set({ level: 'dealer', model: 'Lavida' }, 1, 1))
      .thenThrows('SALES_TARGET_LINE_INVALID');
    spec
      .given([])
      .when(set({ level: 'consultant' }, 1, 1))
      .thenThrows('SALES_TARGET_LINE_INVALID');
    spec
      .given([])
      .when(set({ level: 'model', model: 'Lavida', consultantId: 'sc-li' }, 1, 1))
      .thenThrows('SALES_TARGET_LINE_INVALID');
  });

  it('keeps one stream per dealer and month, and counts months and their days', () => {
    expect(salesTargetStreamId('d-sh-01', '2026-03')).toBe('salestarget-d-sh-01_2026-03');
    expect([
      daysInMonth('2026-02'),
      daysInMonth('2028-02'),
      daysInMonth('2026-03'),
      daysInMonth('2026-04'),
    ]).toEqual([28, 29, 31, 30]);
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});
