import type { OrderSigned, VehicleSaleEvent } from '../../../src/domain/vehicle-sale/vehicle-sale.events';
import { salesTargetActualsProjection } from '../../../src/projections/sales-target-actuals/sales-target-actuals.projection';
import { type DomainEvent, projectionSpec } from '../../support/projection-spec';

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

describe('sales-target-actuals projection: fleet orders, one order per vehicle', () => {
  const ids = { orderId: 'fo-1', accountId: 'fa-1', dealerId: 'd-1' };
  const fleetSigned = (signedAt: string): DomainEvent => ({
    type: 'FleetOrderSigned',
    data: {
      ...ids,
      consultantId: 'sc-wang',
      lines: [
        {
          lineNo: 1,
          model: 'Lavida',
          quantity: 2,
          listPriceFen: 15_000_000,
          discountFen: 0,
          priceFen: 15_000_000,
        },
        {
          lineNo: 2,
          model: 'Tiguan L',
          quantity: 1,
          listPriceFen: 25_000_000,
          discountFen: 0,
          priceFen: 25_000_000,
        },
      ],
      vehicles: 3,
      totalFen: 55_000_000,
      payment: 'cash',
      promisedDeliveryAt: '2026-04-20T10:00:00.000Z',
      signedAt,
    },
  });
  const fleetDelivered = (vin: string, deliveredAt: string): DomainEvent => ({
    type: 'FleetOrderVehicleDelivered',
    data: {
      ...ids,
      consultantId: 'sc-wang',
      vin,
      lineNo: 1,
      model: 'Lavida',
      promisedDeliveryAt: '2026-04-20T10:00:00.000Z',
      deliveredAt,
      onTime: true,
    },
  });
  const line = (model: string, orders: number, cancelledAt: string | null = null) => ({
    saleId: 'fo-1',
    kind: 'fleet-order-line' as const,
    dealerId: 'd-1',
    consultantId: 'sc-wang',
    model,
    orders,
    // 31 March 17:00 UTC = 1 April 01:00 CST: an April order.
    signedAt: '2026-03-31T17:00:00.000Z',
    orderMonth: '2026-04',
    cancelledAt,
    deliveredAt: null,
    deliveryMonth: null,
  });

  it('keeps a document per line with its quantity as orders, and one per delivered vehicle', () =>
    spec
      .when([
        fleetSigned('2026-03-31T17:00:00.000Z'),
        // 30 April 16:30 UTC = 1 May 00:30 CST: a May delivery.
        fleetDelivered('LSVAB4BR5MN000001', '2026-04-30T16:30:00.000Z'),
      ])
      .then({
        'fleetorder:fo-1:line:1': line('Lavida', 2),
        'fleetorder:fo-1:line:2': line('Tiguan L', 1),
        'fleetorder:fo-1:vin:LSVAB4BR5MN000001': {
          saleId: 'fo-1',
          kind: 'fleet-order-delivery',
          dealerId: 'd-1',
          consultantId: 'sc-wang',
          model: 'Lavida',
          orders: 0,
          signedAt: null,
          orderMonth: null,
          cancelledAt: null,
          deliveredAt: '2026-04-30T16:30:00.000Z',
          deliveryMonth: '2026-05',
        },
      }));

  it('marks the cancellation on every line', () =>
    spec
      .given([fleetSigned('2026-03-31T17:00:00.000Z')])
      .when([
        {
          type: 'FleetOrderCancelled',
          data: { ...ids, lineNos: [1, 2], reason: 'budget cut', cancelledAt: '2026-04-03T02:00:00.000Z' },
        },
      ])
      .then({
        'fleetorder:fo-1:line:1': line('Lavida', 2, '2026-04-03T02:00:00.000Z'),
        'fleetorder:fo-1:line:2': line('Tiguan L', 1, '2026-04-03T02:00:00.000Z'),
      }));
});
