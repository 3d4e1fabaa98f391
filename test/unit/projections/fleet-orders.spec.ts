import fc from 'fast-check';
import type { FleetOrderEvent } from '../../../src/domain/fleet-order/fleet-order.events';
import {
  type FleetOrderDetails,
  fleetOrdersProjection,
} from '../../../src/projections/fleet-orders/fleet-orders.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(fleetOrdersProjection);
const ids = { orderId: 'fo-1', accountId: 'fa-1', dealerId: 'd-sh-01' };
const VIN1 = 'LSVAB4BR5MN000001';
const VIN2 = 'LSVAB4BR5MN000002';
const VIN3 = 'LSVAB4BR5MN000003';
const PROMISED = '2026-03-20T10:00:00.000Z';

const signed: FleetOrderEvent = {
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
        discountFen: 1_000_000,
        priceFen: 14_000_000,
      },
      {
        lineNo: 2,
        model: 'Tiguan L',
        quantity: 1,
        listPriceFen: 25_000_000,
        discountFen: 500_000,
        priceFen: 24_500_000,
      },
    ],
    vehicles: 3,
    totalFen: 52_500_000,
    payment: 'lease',
    promisedDeliveryAt: PROMISED,
    signedAt: '2026-03-05T02:00:00.000Z',
  },
};
const allocated = (vin: string, lineNo: number, at: string): FleetOrderEvent => ({
  type: 'FleetOrderVehicleAllocated',
  data: { ...ids, vin, lineNo, model: lineNo === 1 ? 'Lavida' : 'Tiguan L', allocatedAt: at },
});
const delivered = (vin: string, lineNo: number, at: string, onTime: boolean): FleetOrderEvent => ({
  type: 'FleetOrderVehicleDelivered',
  data: {
    ...ids,
    consultantId: 'sc-wang',
    vin,
    lineNo,
    model: lineNo === 1 ? 'Lavida' : 'Tiguan L',
    promisedDeliveryAt: PROMISED,
    deliveredAt: at,
    onTime,
  },
});

/** By hand: line totals 2 × 14 000 000 = 28 000 000 and 1 × 24 500 000; the order 52 500 000. */
const base: FleetOrderDetails = {
  ...ids,
  consultantId: 'sc-wang',
  payment: 'lease',
  promisedDeliveryAt: PROMISED,
  signedAt: '2026-03-05T02:00:00.000Z',
  lines: [
    {
      lineNo: 1,
      model: 'Lavida',
      quantity: 2,
      listPriceFen: 15_000_000,
      discountFen: 1_000_000,
      priceFen: 14_000_000,
      lineTotalFen: 28_000_000,
      allocated: [],
      delivered: [],
    },
    {
      lineNo: 2,
      model: 'Tiguan L',
      quantity: 1,
      listPriceFen: 25_000_000,
      discountFen: 500_000,
      priceFen: 24_500_000,
      lineTotalFen: 24_500_000,
      allocated: [],
      delivered: [],
    },
  ],
  vehicles: 3,
  allocatedVehicles: 0,
  deliveredVehicles: 0,
  totalFen: 52_500_000,
  status: 'signed',
  cancelled: null,
};

describe('fleet-orders projection', () => {
  it('opens the order with its lines, totals and nothing allocated', () =>
    spec.when([signed]).then({ 'fo-1': base }));

  it('lists each line’s VINs by VIN whatever the order they arrive in, and is delivered once every vehicle is', () => {
    const a1 = allocated(VIN2, 1, '2026-03-06T02:00:00.000Z');
    const a2 = allocated(VIN1, 1, '2026-03-07T02:00:00.000Z');
    const a3 = allocated(VIN3, 2, '2026-03-06T03:00:00.000Z');
    const d1 = delivered(VIN1, 1, '2026-03-10T02:00:00.000Z', true);
    const d2 = delivered(VIN2, 1, '2026-03-21T02:00:00.000Z', false);
    const d3 = delivered(VIN3, 2, '2026-03-11T02:00:00.000Z', true);
    const line1 = {
      ...base.lines[0],
      allocated: [
        { vin: VIN1, allocatedAt: '2026-03-07T02:00:00.000Z' },
        { vin: VIN2, allocatedAt: '2026-03-06T02:00:00.000Z' },
      ],
    };
    const twoAllocated: FleetOrderDetails = {
      ...base,
      lines: [line1, base.lines[1]],
      allocatedVehicles: 2,
    };
    spec.when([signed, a1, a2]).then({ 'fo-1': twoAllocated });
    spec.when([signed, a2, a1]).then({ 'fo-1': twoAllocated });

    const everyVehicle: FleetOrderDetails = {
      ...base,
      lines: [
        {
          ...line1,
          delivered: [
            { vin: VIN1, deliveredAt: '2026-03-10T02:00:00.000Z', onTime: true },
            { vin: VIN2, deliveredAt: '2026-03-21T02:00:00.000Z', onTime: false },
          ],
        },
        {
          ...base.lines[1],
          allocated: [{ vin: VIN3, allocatedAt: '2026-03-06T03:00:00.000Z' }],
          delivered: [{ vin: VIN3, deliveredAt: '2026-03-11T02:00:00.000Z', onTime: true }],
        },
      ],
      allocatedVehicles: 3,
      deliveredVehicles: 3,
      status: 'delivered',
    };
    spec.when([signed, a1, a2, a3, d1, d2, d3]).then({ 'fo-1': everyVehicle });
    spec.when([signed, a3, a2, a1, d3, d2, d1]).then({ 'fo-1': everyVehicle });
    // Two of three delivered: still signed.
    spec
      .when([signed, a1, a2, a3, d1, d3])
      .thenMatches({ 'fo-1': { deliveredVehicles: 2, status: 'signed' } });
  });

  it('marks a cancellation with its reason and time', () =>
    spec
      .given([signed, allocated(VIN1, 1, '2026-03-06T02:00:00.000Z')])
      .when([
        {
          type: 'FleetOrderCancelled',
          data: { ...ids, lineNos: [1, 2], reason: 'budget cut', cancelledAt: '2026-03-08T02:00:00.000Z' },
        },
      ])
      .thenMatches({
        'fo-1': {
          status: 'cancelled',
          allocatedVehicles: 1,
          cancelled: { reason: 'budget cut', cancelledAt: '2026-03-08T02:00:00.000Z' },
        },
      }));

  it('gives the same document for any arrival order of the VINs’ facts, each VIN allocated before delivered', () => {
    const allocations = [
      allocated(VIN1, 1, '2026-03-06T02:00:00.000Z'),
      allocated(VIN2, 1, '2026-03-07T02:00:00.000Z'),
      allocated(VIN3, 2, '2026-03-06T03:00:00.000Z'),
    ];
    const deliveries = [
      delivered(VIN1, 1, '2026-03-10T02:00:00.000Z', true),
      delivered(VIN3, 2, '2026-03-21T02:00:00.000Z', false),
    ];
    // By hand: 3 allocated, VIN1 and VIN3 delivered (VIN3 late), VIN2 waiting: still signed.
    const expected = {
      allocatedVehicles: 3,
      deliveredVehicles: 2,
      status: 'signed',
      lines: [
        {
          allocated: [
            { vin: VIN1, allocatedAt: '2026-03-06T02:00:00.000Z' },
            { vin: VIN2, allocatedAt: '2026-03-07T02:00:00.000Z' },
          ],
          delivered: [{ vin: VIN1, deliveredAt: '2026-03-10T02:00:00.000Z', onTime: true }],
        },
        {
          allocated: [{ vin: VIN3, allocatedAt: '2026-03-06T03:00:00.000Z' }],
          delivered: [{ vin: VIN3, deliveredAt: '2026-03-21T02:00:00.000Z', onTime: false }],
        },
      ],
    } as const;
    const permutation = <T>(items: readonly T[]) =>
      fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
    fc.assert(
      fc.property(permutation(allocations), permutation(deliveries), (allocs, delivs) => {
        spec.when([signed, ...allocs, ...delivs]).thenMatches({ 'fo-1': expected });
      }),
      { numRuns: 30 },
    );
  });
});
