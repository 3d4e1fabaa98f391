import { fleetOrderDecider } from '../../../../src/domain/fleet-order/fleet-order.decider';
import type { FleetOrderEvent } from '../../../../src/domain/fleet-order/fleet-order.events';
import { createVehicleSaleDecider } from '../../../../src/domain/vehicle-sale/vehicle-sale.decider';
import type { VehicleSaleEvent } from '../../../../src/domain/vehicle-sale/vehicle-sale.events';
import { fleetOrderStanding, vehicleSaleStanding } from '../../../../src/domain/vehicle-vin/vin-standing';

const X = 'LSVAB4BR5MN000001';
const Y = 'LSVAB4BR5MN000002';
const sale = createVehicleSaleDecider();
const saleId = 's-1';
const signed: VehicleSaleEvent = {
  type: 'OrderSigned',
  data: {
    saleId,
    prospectId: 'p-1',
    dealerId: 'd-sh-01',
    consultantId: 'sc-li',
    customer: { customerId: 'cu-1', name: '张伟', phone: '13800000001' },
    model: 'Lavida',
    listPriceFen: 12_000_000,
    discountFen: 0,
    priceFen: 12_000_000,
    payment: 'cash',
    promisedDeliveryAt: '2026-06-01T02:00:00.000Z',
    buyerProfile: null,
    signedAt: '2026-05-01T02:00:00.000Z',
  },
};
const allocated = (vin: string): VehicleSaleEvent => ({
  type: 'VehicleAllocated',
  data: { saleId, vin, allocatedAt: '2026-05-03T02:00:00.000Z' },
});
const cancelled: VehicleSaleEvent = {
  type: 'OrderCancelled',
  data: {
    saleId,
    prospectId: 'p-1',
    dealerId: 'd-sh-01',
    reason: 'changed mind',
    cancelledAt: '2026-05-04T02:00:00.000Z',
  },
};
const deposit: VehicleSaleEvent = {
  type: 'DepositPaid',
  data: { saleId, amountFen: 2_000_000, paidAt: '2026-05-02T02:00:00.000Z' },
};
const delivered: VehicleSaleEvent = {
  type: 'VehicleDelivered',
  data: {
    saleId,
    prospectId: 'p-1',
    dealerId: 'd-sh-01',
    consultantId: 'sc-li',
    customerId: 'cu-1',
    vin: X,
    model: 'Lavida',
    promisedDeliveryAt: '2026-06-01T02:00:00.000Z',
    deliveredAt: '2026-05-20T02:00:00.000Z',
    onTime: true,
    callbackDueAt: '2026-05-27T02:00:00.000Z',
  },
};
/** The record after `events`: its state and the revision of its last event. */
const saleRecord = (...events: VehicleSaleEvent[]) => ({
  state: events.reduce(sale.evolve, sale.initialState()),
  revision: events.length - 1,
});

describe('VIN standing: what the holder record says of a VIN it claimed at a revision', () => {
  it('a sale holds the VIN it allocated, and the VIN its allocation (decided at the claim revision) may still bring', () => {
    expect(vehicleSaleStanding(saleRecord(signed, allocated(X)), X, 0)).toBe('holds');
    // Claimed at revision 0, nothing after it yet: the allocation is on its way.
    expect(vehicleSaleStanding(saleRecord(signed), X, 0)).toBe('holds');
    // Claimed at revision 1 while the sale had Y: the swap to X is on its way.
    expect(vehicleSaleStanding(saleRecord(signed, allocated(Y)), X, 1)).toBe('holds');
  });

  it('a sale lets the VIN go when cancelled, when it swapped it for another, or when the allocation never landed', () => {
    expect(vehicleSaleStanding(saleRecord(signed, allocated(X), cancelled), X, 0)).toBe('let-go');
    expect(vehicleSaleStanding(saleRecord(signed, allocated(X), allocated(Y)), X, 0)).toBe('let-go');
    // Claimed at revision 0, and the record moved on (a deposit at 1) without the allocation: it lost.
    expect(vehicleSaleStanding(saleRecord(signed, deposit), X, 0)).toBe('let-go');
  });

  it('a sale that delivered the VIN keeps it for ever', () => {
    expect(vehicleSaleStanding(saleRecord(signed, allocated(X), delivered), X, 0)).toBe('delivered');
  });

  const orderId = 'fo-1';
  const orderSigned: FleetOrderEvent = {
    type: 'FleetOrderSigned',
    data: {
      orderId,
      accountId: 'fa-1',
      dealerId: 'd-sh-01',
      consultantId: 'sc-li',
      lines: [{ lineNo: 1, model: 'Lavida', quantity: 2, listPriceFen: 1, discountFen: 0, priceFen: 1 }],
      vehicles: 2,
      totalFen: 2,
      payment: 'cash',
      promisedDeliveryAt: '2026-06-01T02:00:00.000Z',
      signedAt: '2026-05-01T02:00:00.000Z',
    },
  };
  const ids = { orderId, accountId: 'fa-1', dealerId: 'd-sh-01' };
  const orderAllocated = (vin: string): FleetOrderEvent => ({
    type: 'FleetOrderVehicleAllocated',
    data: { ...ids, vin, lineNo: 1, model: 'Lavida', allocatedAt: '2026-05-03T02:00:00.000Z' },
  });
  const orderDelivered: FleetOrderEvent = {
    type: 'FleetOrderVehicleDelivered',
    data: {
      ...ids,
      consultantId: 'sc-li',
      vin: X,
      lineNo: 1,
      model: 'Lavida',
      promisedDeliveryAt: '2026-06-01T02:00:00.000Z',
      deliveredAt: '2026-05-20T02:00:00.000Z',
      onTime: true,
    },
  };
  const orderCancelled: FleetOrderEvent = {
    type: 'FleetOrderCancelled',
    data: { ...ids, lineNos: [1], reason: 'budget cut', cancelledAt: '2026-05-05T02:00:00.000Z' },
  };
  const orderRecord = (...events: FleetOrderEvent[]) => ({
    state: events.reduce(fleetOrderDecider.evolve, fleetOrderDecider.initialState()),
    revision: events.length - 1,
  });

  it('a fleet order holds its VINs until it is cancelled, and a delivered one for ever', () => {
    expect(fleetOrderStanding(orderRecord(orderSigned, orderAllocated(X)), X, 0)).toBe('holds');
    expect(fleetOrderStanding(orderRecord(orderSigned), X, 0)).toBe('holds');
    expect(fleetOrderStanding(orderRecord(orderSigned, orderAllocated(Y)), X, 0)).toBe('let-go');
    expect(fleetOrderStanding(orderRecord(orderSigned, orderAllocated(X), orderCancelled), X, 0)).toBe(
      'let-go',
    );
    expect(fleetOrderStanding(orderRecord(orderSigned, orderAllocated(X), orderDelivered), X, 0)).toBe(
      'delivered',
    );
  });
});
