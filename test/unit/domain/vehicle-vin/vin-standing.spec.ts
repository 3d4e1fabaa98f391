import type { FleetOrderEvent } from '../../../../src/domain/fleet-order/fleet-order.events';
import type { VehicleSaleEvent } from '../../../../src/domain/vehicle-sale/vehicle-sale.events';
import {
  fleetOrderVinHold,
  standingOfHold,
  vehicleSaleVinHold,
  type VinHoldFold,
} from '../../../../src/domain/vehicle-vin/vin-standing';

const X = 'LSVAB4BR5MN000001';
const Y = 'LSVAB4BR5MN000002';
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
const allocated = (vin: string, allocatedAt = '2026-05-03T02:00:00.000Z'): VehicleSaleEvent => ({
  type: 'VehicleAllocated',
  data: { saleId, vin, allocatedAt },
});
const CANCELLED = '2026-05-04T02:00:00.000Z';
const SWAP = '2026-05-06T02:00:00.000Z';
const LATER = '2026-05-08T02:00:00.000Z';
const cancelled: VehicleSaleEvent = {
  type: 'OrderCancelled',
  data: {
    saleId,
    prospectId: 'p-1',
    dealerId: 'd-sh-01',
    reason: 'changed mind',
    cancelledAt: CANCELLED,
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
/** The standing of X claimed at `claimRevision`, from the record after `events` (revision = their count − 1). */
const standing = <Evt>(fold: VinHoldFold<Evt>, claimRevision: number, ...events: Evt[]) =>
  standingOfHold(events.reduce(fold.evolve, fold.initialState()), events.length - 1, claimRevision);
const saleOf = (claimRevision: number, ...events: VehicleSaleEvent[]) =>
  standing(vehicleSaleVinHold(X), claimRevision, ...events);
const holds = { standing: 'holds', letGoAt: null };

describe('VIN standing: what the holder record says of a VIN it claimed at a revision', () => {
  it('a sale holds the VIN it allocated, and the VIN its allocation (decided at the claim revision) may still bring', () => {
    expect(saleOf(0, signed, allocated(X))).toEqual(holds);
    // Claimed at revision 0, nothing after it yet: the allocation is on its way.
    expect(saleOf(0, signed)).toEqual(holds);
    // Claimed at revision 1 while the sale had Y: the swap to X is on its way.
    expect(saleOf(1, signed, allocated(Y))).toEqual(holds);
    // Swapped away and back: held again.
    expect(saleOf(0, signed, allocated(X), allocated(Y, SWAP), allocated(X, LATER))).toEqual(holds);
  });

  it('a sale lets the VIN go when cancelled or when it swapped it for another, at that business time', () => {
    expect(saleOf(0, signed, allocated(X), cancelled)).toEqual({ standing: 'let-go', letGoAt: CANCELLED });
    expect(saleOf(0, signed, allocated(X), allocated(Y, SWAP))).toEqual({
      standing: 'let-go',
      letGoAt: SWAP,
    });
    // Swapped away, then cancelled: let go at the swap.
    expect(saleOf(0, signed, allocated(X), allocated(Y, SWAP), cancelled)).toEqual({
      standing: 'let-go',
      letGoAt: SWAP,
    });
    // Cancelled while its claimed allocation was on its way: let go at the cancellation.
    expect(saleOf(0, signed, cancelled)).toEqual({ standing: 'let-go', letGoAt: CANCELLED });
  });

  it('a sale whose allocation never landed (its record moved past the claim without it) never held it', () => {
    expect(saleOf(0, signed, deposit)).toEqual({ standing: 'let-go', letGoAt: null });
    expect(saleOf(1, signed, allocated(Y), deposit)).toEqual({ standing: 'let-go', letGoAt: null });
  });

  it('a sale that delivered the VIN keeps it for ever', () => {
    expect(saleOf(0, signed, allocated(X), delivered)).toEqual({ standing: 'delivered', letGoAt: null });
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
  const ORDER_CANCELLED = '2026-05-05T02:00:00.000Z';
  const orderCancelled: FleetOrderEvent = {
    type: 'FleetOrderCancelled',
    data: { ...ids, lineNos: [1], reason: 'budget cut', cancelledAt: ORDER_CANCELLED },
  };
  const orderOf = (claimRevision: number, ...events: FleetOrderEvent[]) =>
    standing(fleetOrderVinHold(X), claimRevision, ...events);

  it('a fleet order holds its VINs until it is cancelled, and a delivered one for ever', () => {
    expect(orderOf(0, orderSigned, orderAllocated(X))).toEqual(holds);
    expect(orderOf(0, orderSigned)).toEqual(holds);
    // Claimed at 0, and another VIN's allocation landed at 1: X's allocation never did.
    expect(orderOf(0, orderSigned, orderAllocated(Y))).toEqual({ standing: 'let-go', letGoAt: null });
    expect(orderOf(0, orderSigned, orderAllocated(X), orderCancelled)).toEqual({
      standing: 'let-go',
      letGoAt: ORDER_CANCELLED,
    });
    expect(orderOf(0, orderSigned, orderAllocated(X), orderDelivered)).toEqual({
      standing: 'delivered',
      letGoAt: null,
    });
  });
});
