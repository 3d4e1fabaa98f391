import type { VehicleSaleCommand } from '../../../../src/domain/vehicle-sale/vehicle-sale.commands';
import { createVehicleSaleDecider } from '../../../../src/domain/vehicle-sale/vehicle-sale.decider';
import type { OrderSigned, VehicleSaleEvent } from '../../../../src/domain/vehicle-sale/vehicle-sale.events';
import { deciderSpecification } from '../../../support/decider-specification';

const decider = createVehicleSaleDecider();
const spec = deciderSpecification(decider);
const staff = { userId: 'sc-li', role: 'sales-consultant', dealerId: 'd-sh-01' };

type Body<T extends VehicleSaleCommand['type']> = Omit<
  Extract<VehicleSaleCommand, { type: T }>['data'],
  'saleId'
>;
const at = <T extends VehicleSaleCommand['type']>(
  now: string,
  type: T,
  data: Body<T>,
): VehicleSaleCommand => {
  const command: { type: VehicleSaleCommand['type']; data: object; metadata: object } = {
    type,
    data: { saleId: 's-1', ...data },
    metadata: { now, actor: staff },
  };
  return command as VehicleSaleCommand;
};

// Signed 5 March, delivery promised for 12 March 18:00 CST.
const signed: OrderSigned = {
  type: 'OrderSigned',
  data: {
    saleId: 's-1',
    prospectId: 'p-1',
    dealerId: 'd-sh-01',
    consultantId: 'sc-li',
    customer: { customerId: 'cu-1', name: 'Zhang Wei', phone: '13800000001' },
    model: 'Lavida',
    listPriceFen: 15_000_000,
    discountFen: 800_000,
    priceFen: 14_200_000,
    payment: 'loan',
    promisedDeliveryAt: '2026-03-12T10:00:00.000Z',
    buyerProfile: null,
    signedAt: '2026-03-05T02:00:00.000Z',
  },
};

const on = (history: readonly VehicleSaleEvent[], ...commands: VehicleSaleCommand[]): VehicleSaleEvent[] =>
  commands.reduce<VehicleSaleEvent[]>(
    (events, command) => [
      ...events,
      ...decider.decide(command, events.reduce(decider.evolve, decider.initialState())),
    ],
    [...history],
  );

const allocated = () =>
  on([signed], at('2026-03-06T02:00:00.000Z', 'AllocateVehicle', { vin: 'LSVAA4182E2100001' }));
const settled = () =>
  on(
    allocated(),
    at('2026-03-07T02:00:00.000Z', 'InvoiceSale', { invoiceNo: 'INV-1' }),
    at('2026-03-07T03:00:00.000Z', 'SettleSale', {}),
  );
const ready = () =>
  on(settled(), at('2026-03-08T02:00:00.000Z', 'PassPreDeliveryInspection', { inspectorId: 'qc-1' }));
const delivered = () => on(ready(), at('2026-03-10T02:00:00.000Z', 'DeliverVehicle', {}));

const survey = {
  answers: { 'delivery-process': 9, 'sales-initiation': 8, deal: 8, 'dealer-facility': 9, salesperson: 10 },
  wouldRecommend: 9,
};

describe('vehicle sale decider', () => {
  it('signs an order with the price net of the discount in fen', () => {
    const { priceFen: _price, signedAt: _at, ...data } = signed.data;
    spec
      .given([])
      .when({ type: 'SignOrder', data, metadata: { now: signed.data.signedAt, actor: staff } })
      .then([signed]);
    spec
      .given([signed])
      .when({ type: 'SignOrder', data, metadata: { now: signed.data.signedAt, actor: staff } })
      .thenThrows('SALE_ALREADY_SIGNED');
  });

  /*
   * The buyer's resident ID number, worked by hand (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; sum mod 11
   * looked up in 1 0 X 9 8 7 6 5 4 3 2):
   * 310101199103061232 (上海, born 1991-03-06): 21+9+0+5+0+4+2+9+54+3+0+27+0+30+8+8+6 = 186, mod 11 = 10 → 2.
   * Signed 5 March 2026 10:00 CST, the day before the 35th birthday: 34 → 25-34; province 31.
   * 310101199102301230: check character right (…+18+30+0… = 177, mod 11 = 1 → 0), but 30 February.
   */
  describe('the buyer profile derived from the ID number given on ordering', () => {
    const { priceFen: _price, signedAt: _at, buyerProfile: _profile, ...data } = signed.data;
    const signWith = (idNumber: string | undefined, now = signed.data.signedAt) =>
      ({
        type: 'SignOrder',
        data: {
          ...data,
          customer: { ...data.customer, ...(idNumber ? { idNumber, address: '上海市黄浦区' } : {}) },
        },
        metadata: { now, actor: staff },
      }) as const;

    it('puts the age band at the order and the province code in clear beside the ID number', () => {
      spec
        .given([])
        .when(signWith('310101199103061232'))
        .then([
          {
            type: 'OrderSigned',
            data: {
              ...signed.data,
              customer: { ...signed.data.customer, idNumber: '310101199103061232', address: '上海市黄浦区' },
              buyerProfile: { ageBand: '25-34', province: '31' },
            },
          },
        ]);
      // Signed at 6 March 00:30 CST (5 March 16:30 UTC): the birthday, 35 → 35-44.
      spec
        .given([])
        .when(signWith('310101199103061232', '2026-03-05T16:30:00.000Z'))
        .then([
          {
            type: 'OrderSigned',
            data: {
              ...signed.data,
              customer: { ...signed.data.customer, idNumber: '310101199103061232', address: '上海市黄浦区' },
              buyerProfile: { ageBand: '35-44', province: '31' },
              signedAt: '2026-03-05T16:30:00.000Z',
            },
          },
        ]);
    });

    it('has no profile without an ID number, or with a passport number', () => {
      spec.given([]).when(signWith(undefined)).then([signed]);
      spec
        .given([])
        .when(signWith('E12345678'))
        .then([
          {
            type: 'OrderSigned',
            data: {
              ...signed.data,
              customer: { ...signed.data.customer, idNumber: 'E12345678', address: '上海市黄浦区' },
            },
          },
        ]);
    });

    it('refuses an invalid resident ID number, naming the fault and not the number', () => {
      spec
        .given([])
        .when(signWith('310101199103061233'))
        .thenThrows('SALE_RESIDENT_ID_INVALID', { field: 'buyer.idNumber', fault: 'checksum' });
      spec
        .given([])
        .when(signWith('310101199102301230'))
        .thenThrows('SALE_RESIDENT_ID_INVALID', { field: 'buyer.idNumber', fault: 'birth-date' });
      expect(() => decider.decide(signWith('310101199103061233'), decider.initialState())).toThrow(
        expect.objectContaining({ message: expect.not.stringContaining('310101') }),
      );
    });
  });

  it('refuses delivery before settlement and inspection, naming what is missing', () => {
    spec
      .given(allocated())
      .when(at('2026-03-10T02:00:00.000Z', 'DeliverVehicle', {}))
      .thenThrows('SALE_NOT_READY_FOR_DELIVERY', {
        saleId: 's-1',
        missing: ['the settlement', 'the pre-delivery inspection'],
      });
    spec
      .given(settled())
      .when(at('2026-03-10T02:00:00.000Z', 'DeliverVehicle', {}))
      .thenThrows('SALE_NOT_READY_FOR_DELIVERY', { saleId: 's-1', missing: ['the pre-delivery inspection'] });
  });

  it('voids the inspection when another vehicle is allocated', () => {
    spec
      .given(on(ready(), at('2026-03-09T02:00:00.000Z', 'AllocateVehicle', { vin: 'LSVAA4182E2100002' })))
      .when(at('2026-03-10T02:00:00.000Z', 'DeliverVehicle', {}))
      .thenThrows('SALE_NOT_READY_FOR_DELIVERY', { missing: ['the pre-delivery inspection'] });
  });

  it('keeps invoice and settlement in order', () => {
    spec
      .given([signed])
      .when(at('2026-03-07T02:00:00.000Z', 'InvoiceSale', { invoiceNo: 'I' }))
      .thenThrows('SALE_STEP_OUT_OF_ORDER');
    spec
      .given(allocated())
      .when(at('2026-03-07T02:00:00.000Z', 'SettleSale', {}))
      .thenThrows('SALE_STEP_OUT_OF_ORDER');
    spec
      .given(settled())
      .when(at('2026-03-07T04:00:00.000Z', 'SettleSale', {}))
      .thenThrows('SALE_STEP_ALREADY_DONE');
  });

  it('delivers on time against the promise and schedules the 7-day callback', () => {
    spec
      .given(ready())
      .when(at('2026-03-10T02:00:00.000Z', 'DeliverVehicle', {}))
      .then([
        {
          type: 'VehicleDelivered',
          data: {
            saleId: 's-1',
            prospectId: 'p-1',
            dealerId: 'd-sh-01',
            consultantId: 'sc-li',
            customerId: 'cu-1',
            vin: 'LSVAA4182E2100001',
            model: 'Lavida',
            promisedDeliveryAt: '2026-03-12T10:00:00.000Z',
            deliveredAt: '2026-03-10T02:00:00.000Z',
            onTime: true,
            callbackDueAt: '2026-03-17T02:00:00.000Z',
          },
        },
      ]);
  });

  it('lets nothing follow a cancellation', () => {
    const cancelled = on(
      allocated(),
      at('2026-03-07T02:00:00.000Z', 'CancelOrder', { reason: 'loan refused' }),
    );
    for (const command of [
      at('2026-03-08T02:00:00.000Z', 'PayDeposit', { amountFen: 500_000 }),
      at('2026-03-08T02:00:00.000Z', 'DeliverVehicle', {}),
      at('2026-03-08T02:00:00.000Z', 'CancelOrder', { reason: 'again' }),
    ]) {
      spec.given(cancelled).when(command).thenThrows('SALE_CANCELLED');
    }
  });

  it('lets only the callback follow a delivery', () => {
    spec
      .given(delivered())
      .when(at('2026-03-11T02:00:00.000Z', 'CancelOrder', { reason: 'x' }))
      .thenThrows('SALE_ALREADY_DELIVERED');
  });

  it('records the callback with the SSI survey and the weight set it is scored with, once', () => {
    spec
      .given(delivered())
      .when(at('2026-03-16T02:00:00.000Z', 'RecordDeliveryCallback', { reached: true, survey }))
      .then([
        {
          type: 'DeliveryCallbackRecorded',
          data: {
            saleId: 's-1',
            dealerId: 'd-sh-01',
            consultantId: 'sc-li',
            calledAt: '2026-03-16T02:00:00.000Z',
            callbackDueAt: '2026-03-17T02:00:00.000Z',
            onTime: true,
            reached: true,
            survey,
            weightSetVersion: 'ssi-jdp-cn-2015',
            weights: {
              'delivery-process': 23,
              'sales-initiation': 21,
              deal: 20,
              'dealer-facility': 19,
              salesperson: 17,
            },
            unhappyReasons: [],
            reasonCatalogueVersion: null,
            customerId: 'cu-1',
          },
        },
      ]);
    const completed = on(
      delivered(),
      at('2026-03-16T02:00:00.000Z', 'RecordDeliveryCallback', { reached: true }),
    );
    spec
      .given(completed)
      .when(at('2026-03-17T02:00:00.000Z', 'RecordDeliveryCallback', { reached: true }))
      .thenThrows('SALE_CALLBACK_ALREADY_COMPLETED');
    spec
      .given(ready())
      .when(at('2026-03-16T02:00:00.000Z', 'RecordDeliveryCallback', { reached: true }))
      .thenThrows('SALE_NOT_DELIVERED');
    spec
      .given(delivered())
      .when(at('2026-03-16T02:00:00.000Z', 'RecordDeliveryCallback', { reached: false, survey }))
      .thenThrows('SALE_SURVEY_WITHOUT_CONTACT');
  });

  it('keeps the callback open when it does not reach the customer', () => {
    const missed = on(
      delivered(),
      at('2026-03-16T02:00:00.000Z', 'RecordDeliveryCallback', { reached: false }),
    );
    expect(missed.at(-1)).toMatchObject({ data: { reached: false, survey: null, weightSetVersion: null } });
    expect(() =>
      decider.decide(
        at('2026-03-18T02:00:00.000Z', 'RecordDeliveryCallback', { reached: true }),
        missed.reduce(decider.evolve, decider.initialState()),
      ),
    ).not.toThrow();
  });
});
