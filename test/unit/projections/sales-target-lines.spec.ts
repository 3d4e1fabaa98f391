import type { SalesTargetEvent } from '../../../src/domain/sales-target/sales-target.events';
import { salesTargetLinesProjection } from '../../../src/projections/sales-target-lines/sales-target-lines.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(salesTargetLinesProjection);
const manager = { userId: 'dm-wang', role: 'dealer-manager', dealerId: 'd-1' };
const oem = { userId: 'oem-zhang', role: 'oem-staff', dealerId: null };
const month = { dealerId: 'd-1', month: '2026-03' };
const consultant = { level: 'consultant' as const, consultantId: 'sc-li', model: null };

const setFor = (
  line: typeof consultant | { level: 'dealer'; consultantId: null; model: null },
  orders: number,
) => ({
  type: 'SalesTargetSet' as const,
  data: { ...month, ...line, orders, deliveries: orders - 1, setAt: '2026-02-25T02:00:00.000Z' },
  actor: manager,
});
const revised = (
  orders: number,
  from: number,
  revisedAt: string,
): SalesTargetEvent & { actor: typeof oem } => ({
  type: 'SalesTargetRevised',
  data: {
    ...month,
    ...consultant,
    orders,
    deliveries: orders - 1,
    from: { orders: from, deliveries: from - 1 },
    reason: 'allocation cut',
    revisedAt,
  },
  actor: oem,
});

describe('sales-target-lines projection', () => {
  it('keeps one document per line of the month, the dealer’s apart from its consultants’', () =>
    spec
      .when([setFor(consultant, 6), setFor({ level: 'dealer', consultantId: null, model: null }, 20)])
      .then({
        'd-1:2026-03:consultant:sc-li': {
          ...month,
          ...consultant,
          revisions: [
            { orders: 6, deliveries: 5, at: '2026-02-25T02:00:00.000Z', reason: null, by: 'dm-wang' },
          ],
        },
        'd-1:2026-03:dealer': {
          ...month,
          level: 'dealer',
          consultantId: null,
          model: null,
          revisions: [
            { orders: 20, deliveries: 19, at: '2026-02-25T02:00:00.000Z', reason: null, by: 'dm-wang' },
          ],
        },
      }));

  it('appends each revision with its reason and who made it, in the order decided', () =>
    spec
      .given([setFor(consultant, 6)])
      .when([revised(4, 6, '2026-03-10T02:00:00.000Z'), revised(5, 4, '2026-03-20T02:00:00.000Z')])
      .then({
        'd-1:2026-03:consultant:sc-li': {
          ...month,
          ...consultant,
          revisions: [
            { orders: 6, deliveries: 5, at: '2026-02-25T02:00:00.000Z', reason: null, by: 'dm-wang' },
            {
              orders: 4,
              deliveries: 3,
              at: '2026-03-10T02:00:00.000Z',
              reason: 'allocation cut',
              by: 'oem-zhang',
            },
            {
              orders: 5,
              deliveries: 4,
              at: '2026-03-20T02:00:00.000Z',
              reason: 'allocation cut',
              by: 'oem-zhang',
            },
          ],
        },
      }));
});
