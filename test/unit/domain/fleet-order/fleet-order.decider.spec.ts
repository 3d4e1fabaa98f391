import type { CommandOf } from '../../../../src/application/shared/feature';
import type { FleetOrderCommand } from '../../../../src/domain/fleet-order/fleet-order.commands';
import { fleetOrderDecider } from '../../../../src/domain/fleet-order/fleet-order.decider';
import type { FleetOrderEvent } from '../../../../src/domain/fleet-order/fleet-order.events';
import { deciderSpecification } from '../../../support/decider-specification';

const spec = deciderSpecification(fleetOrderDecider);
const consultant = { userId: 'sc-wang', role: 'sales-consultant', dealerId: 'd-sh-01' };
const ids = { orderId: 'fo-1', accountId: 'fa-1', dealerId: 'd-sh-01' };
const VIN1 = 'LSVAB4BR5MN000001';
const VIN2 = 'LSVAB4BR5MN000002';
const VIN3 = 'LSVAB4BR5MN000003';
/** Business time in China Standard Time on a day of March 2026. */
const on = (day: string, time = '10:00') => `2026-03-${day}T${time}:00+08:00`;
const PROMISED = '2026-03-20T10:00:00.000Z';

const cmd = (sent: CommandOf<FleetOrderCommand>, now: string): FleetOrderCommand => ({
  ...sent,
  metadata: { now, actor: consultant },
});

const account = { accountId: 'fa-1', dealerId: 'd-sh-01', openedAt: on('01') };
const signing = (
  lines = [
    { model: 'Lavida', quantity: 2, listPriceFen: 15_000_000, discountFen: 1_000_000 },
    { model: 'Tiguan L', quantity: 1, listPriceFen: 25_000_000, discountFen: 500_000 },
  ],
  overrides: Partial<Extract<FleetOrderCommand, { type: 'SignFleetOrder' }>['data']> = {},
) =>
  cmd(
    {
      type: 'SignFleetOrder',
      data: {
        orderId: 'fo-1',
        accountId: 'fa-1',
        dealerId: 'd-sh-01',
        consultantId: 'sc-wang',
        lines,
        payment: 'lease',
        promisedDeliveryAt: PROMISED,
        account,
        ...overrides,
      },
    },
    on('05'),
  );

/*
 * By hand: line 1 Lavida 2 × (15 000 000 − 1 000 000) = 2 × 14 000 000 = 28 000 000;
 * line 2 Tiguan L 1 × (25 000 000 − 500 000) = 24 500 000; total 52 500 000 fen, 3 vehicles.
 */
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
    signedAt: on('05'),
  },
};
const allocated = (vin: string, lineNo: number, day: string): FleetOrderEvent => ({
  type: 'FleetOrderVehicleAllocated',
  data: { ...ids, vin, lineNo, model: lineNo === 1 ? 'Lavida' : 'Tiguan L', allocatedAt: on(day) },
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
const allocate = (vin: string, lineNo: number, day: string) =>
  cmd({ type: 'AllocateFleetVehicle', data: { orderId: 'fo-1', vin, lineNo } }, on(day));
const deliver = (vin: string, at: string) =>
  cmd({ type: 'DeliverFleetVehicle', data: { orderId: 'fo-1', vin } }, at);
const cancel = (day: string) =>
  cmd({ type: 'CancelFleetOrder', data: { orderId: 'fo-1', reason: 'budget cut' } }, on(day));

describe('fleet order decider', () => {
  it('signs an order with numbered lines, unit prices after discount and the total', () => {
    spec.given([]).when(signing()).then([signed]);
  });

  it('refuses a second signing (409), an unknown account (404), another dealer’s account and a date before its opening (422)', () => {
    spec.given([signed]).when(signing()).thenThrows('FLEET_ORDER_ALREADY_SIGNED');
    spec
      .given([])
      .when(signing(undefined, { account: null }))
      .thenThrows('FLEET_ACCOUNT_NOT_FOUND');
    spec
      .given([])
      .when(signing(undefined, { account: { ...account, dealerId: 'd-bj-02' } }))
      .thenThrows('FLEET_ORDER_ACCOUNT_OF_ANOTHER_DEALER', {
        orderId: 'fo-1',
        accountId: 'fa-1',
        dealerId: 'd-sh-01',
      });
    spec
      .given([])
      .when(signing(undefined, { account: { ...account, openedAt: on('06') } }))
      .thenThrows('FLEET_ORDER_BEFORE_ACCOUNT_OPENED');
  });

  it('refuses a single vehicle (an ordinary sale), a negative unit price and a quantity out of 1..500', () => {
    spec
      .given([])
      .when(signing([{ model: 'Lavida', quantity: 1, listPriceFen: 15_000_000, discountFen: 0 }]))
      .thenThrows('FLEET_ORDER_TOO_FEW_VEHICLES', { vehicles: 1 });
    spec
      .given([])
      .when(
        signing([
          { model: 'Lavida', quantity: 2, listPriceFen: 15_000_000, discountFen: 0 },
          { model: 'Polo', quantity: 1, listPriceFen: 9_000_000, discountFen: 9_000_001 },
        ]),
      )
      .thenThrows('FLEET_ORDER_DISCOUNT_EXCEEDS_PRICE', { lineNo: 2 });
    spec
      .given([])
      .when(signing([{ model: 'Lavida', quantity: 501, listPriceFen: 15_000_000, discountFen: 0 }]))
      .thenThrows('FLEET_ORDER_QUANTITY_OUT_OF_RANGE', { lineNo: 1, quantity: 501 });
    spec
      .given([])
      .when(signing([{ model: 'Lavida', quantity: 0, listPriceFen: 15_000_000, discountFen: 0 }]))
      .thenThrows('FLEET_ORDER_QUANTITY_OUT_OF_RANGE');
    // Two lines of one vehicle each are a fleet order of 2; a discount equal to the price is a price of 0.
    spec
      .given([])
      .when(
        signing([
          { model: 'Lavida', quantity: 1, listPriceFen: 15_000_000, discountFen: 15_000_000 },
          { model: 'Polo', quantity: 1, listPriceFen: 9_000_000, discountFen: 0 },
        ]),
      )
      .then([
        {
          type: 'FleetOrderSigned',
          data: {
            ...signed.data,
            lines: [
              {
                lineNo: 1,
                model: 'Lavida',
                quantity: 1,
                listPriceFen: 15_000_000,
                discountFen: 15_000_000,
                priceFen: 0,
              },
              {
                lineNo: 2,
                model: 'Polo',
                quantity: 1,
                listPriceFen: 9_000_000,
                discountFen: 0,
                priceFen: 9_000_000,
              },
            ],
            vehicles: 2,
            totalFen: 9_000_000,
          },
        } as FleetOrderEvent,
      ]);
  });

  it('allocates a VIN to a line with room, once, on an order signed before', () => {
    spec
      .given([signed])
      .when(allocate(VIN1, 1, '06'))
      .then([allocated(VIN1, 1, '06')]);
    spec
      .given([])
      .when(allocate(VIN1, 1, '06'))
      .thenThrows('FLEET_ORDER_NOT_FOUND');
    spec
      .given([signed])
      .when(allocate(VIN1, 3, '06'))
      .thenThrows('FLEET_ORDER_LINE_NOT_FOUND', { lines: 2 });
    spec
      .given([signed, allocated(VIN1, 1, '06')])
      .when(allocate(VIN1, 2, '07'))
      .thenThrows('FLEET_ORDER_VIN_ALREADY_ALLOCATED', { vin: VIN1, lineNo: 1 });
    spec
      .given([signed, allocated(VIN3, 2, '06')])
      .when(allocate(VIN1, 2, '07'))
      .thenThrows('FLEET_ORDER_LINE_FULL', { lineNo: 2, quantity: 1 });
    spec
      .given([signed])
      .when(allocate(VIN1, 1, '04'))
      .thenThrows('FLEET_ORDER_FACT_BEFORE_SIGNING');
  });

  it('delivers an allocated VIN once, on time by the promise, not before its allocation', () => {
    const history = [signed, allocated(VIN1, 1, '06'), allocated(VIN2, 1, '06')];
    // Promised 20 March 10:00 UTC (18:00 CST): 20 March 18:00 CST is on time, 18:01 late.
    spec
      .given(history)
      .when(deliver(VIN1, on('20', '18:00')))
      .then([delivered(VIN1, 1, on('20', '18:00'), true)]);
    spec
      .given(history)
      .when(deliver(VIN1, on('20', '18:01')))
      .then([delivered(VIN1, 1, on('20', '18:01'), false)]);
    spec
      .given(history)
      .when(deliver(VIN3, on('10')))
      .thenThrows('FLEET_ORDER_VIN_NOT_ALLOCATED');
    spec
      .given([...history, delivered(VIN1, 1, on('10'), true)])
      .when(deliver(VIN1, on('11')))
      .thenThrows('FLEET_ORDER_VIN_ALREADY_DELIVERED');
    spec
      .given(history)
      .when(deliver(VIN1, on('06', '09:00')))
      .thenThrows('FLEET_ORDER_FACT_OUT_OF_ORDER', { vin: VIN1 });
  });

  it('is delivered once every vehicle is: nothing more to allocate or cancel', () => {
    const all = [
      signed,
      allocated(VIN1, 1, '06'),
      allocated(VIN2, 1, '06'),
      allocated(VIN3, 2, '06'),
      delivered(VIN1, 1, on('10'), true),
      delivered(VIN2, 1, on('10'), true),
      delivered(VIN3, 2, on('11'), true),
    ];
    const state = all.reduce(fleetOrderDecider.evolve, fleetOrderDecider.initialState());
    expect(state.status).toBe('delivered');
    spec
      .given(all)
      .when(allocate('LSVAB4BR5MN000004', 1, '12'))
      .thenThrows('FLEET_ORDER_LINE_FULL');
    spec.given(all).when(cancel('12')).thenThrows('FLEET_ORDER_DELIVERY_STARTED', { delivered: 3 });
  });

  it('cancels only before any delivery, not dated before the last fact; nothing follows it', () => {
    const cancelled: FleetOrderEvent = {
      type: 'FleetOrderCancelled',
      data: { ...ids, lineNos: [1, 2], reason: 'budget cut', cancelledAt: on('08') },
    };
    spec
      .given([signed, allocated(VIN1, 1, '06')])
      .when(cancel('08'))
      .then([cancelled]);
    spec
      .given([signed, allocated(VIN1, 1, '06'), delivered(VIN1, 1, on('07'), true)])
      .when(cancel('08'))
      .thenThrows('FLEET_ORDER_DELIVERY_STARTED', { delivered: 1 });
    spec
      .given([signed, allocated(VIN1, 1, '09')])
      .when(cancel('08'))
      .thenThrows('FLEET_ORDER_FACT_OUT_OF_ORDER');
    spec.given([signed]).when(cancel('04')).thenThrows('FLEET_ORDER_FACT_BEFORE_SIGNING');
    spec
      .given([signed, cancelled])
      .when(allocate(VIN1, 1, '09'))
      .thenThrows('FLEET_ORDER_CANCELLED');
    spec.given([signed, cancelled]).when(cancel('09')).thenThrows('FLEET_ORDER_CANCELLED');
  });

  it('takes allocations and deliveries of different VINs in any order of arrival', () => {
    const a = [signed, allocated(VIN1, 1, '07'), allocated(VIN2, 1, '06')];
    const b = [signed, allocated(VIN2, 1, '06'), allocated(VIN1, 1, '07')];
    const fold = (events: readonly FleetOrderEvent[]) =>
      events.reduce(fleetOrderDecider.evolve, fleetOrderDecider.initialState());
    expect(fold(a)).toEqual(fold(b));
    spec
      .given(a)
      .when(deliver(VIN2, on('08')))
      .then([delivered(VIN2, 1, on('08'), true)]);
  });
});
