import { originFromRepairOrder, originFromSale } from '../../../../src/domain/care-task/care-task-origin';
import type { RepairOrderEvent } from '../../../../src/domain/repair-order/repair-order.events';
import { evolveRepairOrder } from '../../../../src/domain/repair-order/repair-order.state';
import { codedReasons, isDissatisfied } from '../../../../src/domain/shared/unhappy-reasons';
import { evolveVehicleSale } from '../../../../src/domain/vehicle-sale/vehicle-sale.state';
import type { VehicleSaleEvent } from '../../../../src/domain/vehicle-sale/vehicle-sale.events';

const signed: VehicleSaleEvent = {
  type: 'OrderSigned',
  data: {
    saleId: 's-1',
    prospectId: 'p-1',
    dealerId: 'd-1',
    consultantId: 'sc-li',
    customer: { customerId: 'cu-1', name: 'Wang', phone: '13800000001' } as never,
    model: 'ID.4',
    listPriceFen: 20_000_000,
    discountFen: 0,
    priceFen: 20_000_000,
    payment: 'cash',
    promisedDeliveryAt: '2026-03-20T02:00:00.000Z',
    buyerProfile: null,
    signedAt: '2026-03-01T02:00:00.000Z',
  },
};
const delivered: VehicleSaleEvent = {
  type: 'VehicleDelivered',
  data: {
    saleId: 's-1',
    prospectId: 'p-1',
    dealerId: 'd-1',
    consultantId: 'sc-li',
    customerId: 'cu-1',
    vin: 'LSVAB4BR5MN000001',
    model: 'ID.4',
    promisedDeliveryAt: '2026-03-20T02:00:00.000Z',
    deliveredAt: '2026-03-10T02:00:00.000Z',
    onTime: true,
    callbackDueAt: '2026-03-17T02:00:00.000Z',
  },
};
const callback = (answer: number): VehicleSaleEvent => ({
  type: 'DeliveryCallbackRecorded',
  data: {
    saleId: 's-1',
    dealerId: 'd-1',
    consultantId: 'sc-li',
    calledAt: '2026-03-16T02:00:00.000Z',
    callbackDueAt: '2026-03-17T02:00:00.000Z',
    onTime: true,
    reached: true,
    survey: {
      answers: {
        'delivery-process': answer,
        'sales-initiation': 9,
        deal: 9,
        'dealer-facility': 9,
        salesperson: 9,
      },
      wouldRecommend: 8,
    },
    weightSetVersion: 'ssi-1',
    weights: null,
  },
});
const saleAfter = (events: readonly VehicleSaleEvent[]) =>
  events.reduce(evolveVehicleSale, { status: 'none' } as ReturnType<typeof evolveVehicleSale>);

describe('follow-ups of dissatisfied surveys', () => {
  it('a factor answered 6 or less is dissatisfied; 7 is not', () => {
    expect(isDissatisfied({ a: 7, b: 10 })).toBe(false);
    expect(isDissatisfied({ a: 6, b: 10 })).toBe(true);
  });

  it('opens the sales follow-up 48 h after a dissatisfied SSI survey, and none after a happy one', () => {
    expect(originFromSale('salesfollowup', saleAfter([signed, delivered, callback(7)]))).toBeNull();
    // Surveyed 16 March 10:00 CST (02:00 UTC) → due 18 March 10:00 CST.
    expect(originFromSale('salesfollowup', saleAfter([signed, delivered, callback(6)]))).toEqual({
      kind: 'salesfollowup',
      recordId: 's-1',
      dealerId: 'd-1',
      customerId: 'cu-1',
      ownerId: 'sc-li',
      openedAt: '2026-03-16T02:00:00.000Z',
      dueAt: '2026-03-18T02:00:00.000Z',
      recordAttempts: [],
    });
  });

  it('a repair order not settled has neither its call nor a follow-up', () => {
    const booked = evolveRepairOrder({ status: 'none' }, {
      type: 'AppointmentBooked',
      data: {
        repairOrderId: 'ro-1',
        dealerId: 'd-1',
        vin: 'LSVAB4BR5MN000001',
        plate: '沪A00001',
        customerId: 'cu-1',
        requestedFor: '2026-03-03T01:00:00.000Z',
        serviceAdvisorId: null,
        note: null,
        bookedAt: '2026-03-01T01:00:00.000Z',
      },
    } as RepairOrderEvent);
    expect(originFromRepairOrder('service', booked)).toBeNull();
    expect(originFromRepairOrder('servicefollowup', booked)).toBeNull();
  });
});

describe('coded unhappy reasons', () => {
  it('keeps known codes once, in code order, with the catalogue version', () => {
    expect(codedReasons('csi', ['waiting-time', 'price', 'waiting-time'])).toEqual({
      unhappyReasons: ['price', 'waiting-time'],
      reasonCatalogueVersion: 'unhappy-2026-1',
    });
    expect(codedReasons('csi', [])).toEqual({ unhappyReasons: [], reasonCatalogueVersion: null });
  });

  it('refuses a code of the other survey, or none at all, naming the known ones', () => {
    expect(() => codedReasons('csi', ['delivery-late'])).toThrow(
      expect.objectContaining({ code: 'SURVEY_REASON_UNKNOWN' }),
    );
    try {
      codedReasons('ssi', ['waiting-time', 'nonsense']);
    } catch (error) {
      expect((error as { details: Record<string, unknown> }).details).toMatchObject({
        unknown: ['waiting-time', 'nonsense'],
        catalogueVersion: 'unhappy-2026-1',
      });
    }
  });
});
