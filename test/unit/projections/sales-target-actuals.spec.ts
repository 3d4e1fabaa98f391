import type { OrderSigned, VehicleSaleEvent } from '../../../src/domain/vehicle-sale/vehicle-sale.events';
import { salesTargetActualsProjection } from '../../../src/projections/sales-target-actuals/sales-target-actuals.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(salesTargetActualsProjection);

const signed = (saleId: string, signedAt: string): OrderSigned => ({
  type: 'OrderSigned',
  data: {
    saleId,
    prospectId: `p-${saleId}`,
    dealerId: 'd-1',
    consultantId: 'sc-li',
    customer: { customerId: 'cu-1', name: 'pii:1:name:cu-1:bmFtZQ', phone: 'pii:1:phone:cu-1:cGhvbmU' },
    model: 'Lavida',
    listPriceFen: 15_000_000,
    discountFen: 0,
    priceFen: 15_000_000,
    payment: 'cash',
    promisedDeliveryAt: '2026-04-10T10:00:00.000Z',
    buyerProfile: null,
    signedAt,
  },
});
const delivered = (saleId: string, deliveredAt: string): VehicleSaleEvent => ({
  type: 'VehicleDelivered',
  data: {
    saleId,
    prospectId: `p-${saleId}`,
    dealerId: 'd-1',
    consultantId: 'sc-li',
    customerId: 'cu-1',
    vin: 'LSVAA4182E2100001',
    model: 'Lavida',
    promisedDeliveryAt: '2026-04-10T10:00:00.000Z',
    deliveredAt,
    onTime: true,
    callbackDueAt: '2026-04-08T16:00:00.000Z',
  },
});

describe('sales-target-actuals projection', () => {
  it('counts an order in its signing month and the delivery in its own month (CST)', () =>
    // Signed 31 March 17:00 UTC = 1 April 01:00 CST: an April order; delivered 1 April 10:00 UTC, April too.
    spec
      .when([signed('s-1', '2026-03-31T17:00:00.000Z'), delivered('s-1', '2026-04-01T10:00:00.000Z')])
      .then({
        's-1': {
          saleId: 's-1',
          kind: 'sale',
          dealerId: 'd-1',
          consultantId: 'sc-li',
          model: 'Lavida',
          orders: 1,
          signedAt: '2026-03-31T17:00:00.000Z',
          orderMonth: '2026-04',
          cancelledAt: null,
          deliveredAt: '2026-04-01T10:00:00.000Z',
          deliveryMonth: '2026-04',
        },
      }));

  it('keeps a March order signed 31 March 15:59 UTC (23:59 CST) in March, and marks its cancellation', () =>
    spec
      .given([signed('s-2', '2026-03-31T15:59:00.000Z')])
      .when([
        {
          type: 'OrderCancelled',
          data: {
            saleId: 's-2',
            prospectId: 'p-s-2',
            dealerId: 'd-1',
            reason: 'loan refused',
            cancelledAt: '2026-04-03T02:00:00.000Z',
          },
        },
      ])
      .thenMatches({
        's-2': { orderMonth: '2026-03', cancelledAt: '2026-04-03T02:00:00.000Z', deliveryMonth: null },
      }));

  it('ignores the other steps of the sale', () =>
    spec
      .given([signed('s-3', '2026-03-02T02:00:00.000Z')])
      .when([
        {
          type: 'DepositPaid',
          data: { saleId: 's-3', amountFen: 500_000, paidAt: '2026-03-03T02:00:00.000Z' },
        },
      ])
      .thenNothingChanges());
});
