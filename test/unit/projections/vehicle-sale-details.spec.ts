import type { ProspectEvent } from '../../../src/domain/prospect/prospect.events';
import type { OrderSigned, VehicleSaleEvent } from '../../../src/domain/vehicle-sale/vehicle-sale.events';
import type { SsiSurvey } from '../../../src/domain/vehicle-sale/vehicle-sale.types';
import {
  type VehicleSaleDetails,
  vehicleSaleDetailsProjection,
} from '../../../src/projections/vehicle-sale-details/vehicle-sale-details.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(vehicleSaleDetailsProjection);

const SIGNED_AT = '2026-03-06T02:00:00.000Z';
// Every personal field of the buyer is stored encrypted with their key (docs/privacy.md), copied as stored.
const CUSTOMER = {
  customerId: 'cu-1',
  name: 'pii:1:name:cu-1:bmFtZQ',
  phone: 'pii:1:phone:cu-1:cGhvbmU',
  idNumber: 'pii:1:idNumber:cu-1:aWQ',
  address: 'pii:1:address:cu-1:YWRkcmVzcw',
};
const id = { saleId: 's-1' };
const step = (event: VehicleSaleEvent) => event;

const signed: OrderSigned = {
  type: 'OrderSigned',
  data: {
    ...id,
    prospectId: 'p-1',
    dealerId: 'd-1',
    consultantId: 'u-sc-1',
    customer: CUSTOMER,
    model: 'EV-5',
    listPriceFen: 20_000_000,
    discountFen: 500_000,
    priceFen: 19_500_000,
    payment: 'loan',
    promisedDeliveryAt: '2026-03-20T02:00:00.000Z',
    buyerProfile: null,
    signedAt: SIGNED_AT,
  },
};
const allocated = (vin: string, allocatedAt: string) =>
  step({ type: 'VehicleAllocated', data: { ...id, vin, allocatedAt } });
const inspected = (vin: string, passedAt: string) =>
  step({ type: 'PreDeliveryInspectionPassed', data: { ...id, vin, inspectorId: 'u-pdi', passedAt } });
const delivered = step({
  type: 'VehicleDelivered',
  data: {
    ...id,
    prospectId: 'p-1',
    dealerId: 'd-1',
    consultantId: 'u-sc-1',
    customerId: 'cu-1',
    vin: 'VIN-2',
    model: 'EV-5',
    promisedDeliveryAt: '2026-03-20T02:00:00.000Z',
    deliveredAt: '2026-03-18T02:00:00.000Z',
    onTime: true,
    callbackDueAt: '2026-03-25T02:00:00.000Z',
  },
});
const callback = (calledAt: string, reached: boolean, survey: SsiSurvey | null) =>
  step({
    type: 'DeliveryCallbackRecorded',
    data: {
      ...id,
      dealerId: 'd-1',
      consultantId: 'u-sc-1',
      calledAt,
      callbackDueAt: '2026-03-25T02:00:00.000Z',
      onTime: calledAt <= '2026-03-25T02:00:00.000Z',
      reached,
      survey,
      weightSetVersion: survey ? 'ssi-jdp-cn-2015' : null,
      weights: survey
        ? { 'delivery-process': 23, 'sales-initiation': 21, deal: 20, 'dealer-facility': 19, salesperson: 17 }
        : null,
    },
  });

describe('vehicle-sale-details projection', () => {
  it('opens the sale at the signed order, with the buyer as stored', () => {
    const expected: VehicleSaleDetails = {
      saleId: 's-1',
      prospectId: 'p-1',
      dealerId: 'd-1',
      consultantId: 'u-sc-1',
      customer: CUSTOMER,
      customerId: 'cu-1',
      model: 'EV-5',
      listPriceFen: 20_000_000,
      discountFen: 500_000,
      priceFen: 19_500_000,
      payment: 'loan',
      status: 'ordered',
      signedAt: SIGNED_AT,
      signedMonth: '2026-03',
      promisedDeliveryAt: '2026-03-20T02:00:00.000Z',
      depositFen: null,
      vin: null,
      invoiceNo: null,
      settledAt: null,
      inspectedAt: null,
      deliveredAt: null,
      deliveredOnTime: null,
      cancelled: null,
      callbackStatus: 'pending',
      callbackDueAt: null,
      callbackAttempts: 0,
      callbackCompletedAt: null,
      callbackOnTime: null,
      survey: null,
      state: {
        status: 'ordered',
        saleId: 's-1',
        prospectId: 'p-1',
        dealerId: 'd-1',
        consultantId: 'u-sc-1',
        customerId: 'cu-1',
        model: 'EV-5',
        priceFen: 19_500_000,
        promisedDeliveryAt: '2026-03-20T02:00:00.000Z',
        signedAt: SIGNED_AT,
        depositFen: null,
        vin: null,
        invoiced: false,
        settled: false,
        inspected: false,
        deliveredAt: null,
        callbackDueAt: null,
        callbackCompleted: false,
        callbackAttempts: [],
        dissatisfiedAt: null,
      },
      revision: 0,
      updatedAt: SIGNED_AT,
    };
    spec.when([signed]).then({ 's-1': expected });
  });

  it('needs a new inspection when another vehicle is allocated', () =>
    spec
      .given([
        signed,
        allocated('VIN-1', '2026-03-10T02:00:00.000Z'),
        inspected('VIN-1', '2026-03-11T02:00:00.000Z'),
      ])
      .when([allocated('VIN-2', '2026-03-12T02:00:00.000Z')])
      .thenMatches({
        's-1': { vin: 'VIN-2', inspectedAt: null, state: { vin: 'VIN-2', inspected: false } },
      }));

  it('goes to delivery with deposit, invoice and settlement, and opens the 7-day callback', () =>
    spec
      .given([signed])
      .when([
        step({
          type: 'DepositPaid',
          data: { ...id, amountFen: 1_000_000, paidAt: '2026-03-06T03:00:00.000Z' },
        }),
        allocated('VIN-2', '2026-03-12T02:00:00.000Z'),
        step({
          type: 'SaleInvoiced',
          data: { ...id, invoiceNo: 'INV-1', amountFen: 19_500_000, invoicedAt: '2026-03-15T02:00:00.000Z' },
        }),
        step({
          type: 'SaleSettled',
          data: { ...id, amountFen: 19_500_000, settledAt: '2026-03-16T02:00:00.000Z' },
        }),
        inspected('VIN-2', '2026-03-17T02:00:00.000Z'),
        delivered,
      ])
      .thenMatches({
        's-1': {
          status: 'delivered',
          depositFen: 1_000_000,
          vin: 'VIN-2',
          invoiceNo: 'INV-1',
          settledAt: '2026-03-16T02:00:00.000Z',
          inspectedAt: '2026-03-17T02:00:00.000Z',
          deliveredAt: '2026-03-18T02:00:00.000Z',
          deliveredOnTime: true,
          callbackStatus: 'open',
          callbackDueAt: '2026-03-25T02:00:00.000Z',
          revision: 6,
          updatedAt: '2026-03-18T02:00:00.000Z',
        },
      }));

  it('counts unreached callbacks as attempts and completes the callback with the survey', () => {
    const survey: SsiSurvey = {
      answers: {
        'delivery-process': 9,
        'sales-initiation': 8,
        deal: 9,
        'dealer-facility': 10,
        salesperson: 9,
      },
      wouldRecommend: 10,
    };
    spec
      .given([signed, delivered])
      .when([
        callback('2026-03-24T02:00:00.000Z', false, null),
        callback('2026-03-26T02:00:00.000Z', true, survey),
      ])
      .thenMatches({
        's-1': {
          callbackStatus: 'completed',
          callbackAttempts: 2,
          callbackCompletedAt: '2026-03-26T02:00:00.000Z',
          callbackOnTime: false,
          survey: { ...survey, weightSetVersion: 'ssi-jdp-cn-2015' },
          state: { callbackCompleted: true },
        },
      });
  });

  it('completes a callback that reached a buyer who gave no survey', () =>
    spec
      .given([signed, delivered])
      .when([callback('2026-03-24T02:00:00.000Z', true, null)])
      .thenMatches({
        's-1': { callbackStatus: 'completed', callbackAttempts: 1, callbackOnTime: true, survey: null },
      }));

  it('records a cancelled order', () =>
    spec
      .given([signed])
      .when([
        step({
          type: 'OrderCancelled',
          data: {
            ...id,
            prospectId: 'p-1',
            dealerId: 'd-1',
            reason: 'financing declined',
            cancelledAt: '2026-03-08T02:00:00.000Z',
          },
        }),
      ])
      .thenMatches({
        's-1': {
          status: 'cancelled',
          cancelled: { reason: 'financing declined', at: '2026-03-08T02:00:00.000Z' },
        },
      }));

  it("ignores the prospect's own record of the order", () => {
    const ordered: ProspectEvent = {
      type: 'ProspectOrdered',
      data: {
        prospectId: 'p-1',
        dealerId: 'd-1',
        saleId: 's-1',
        model: 'EV-5',
        priceFen: 19_500_000,
        orderedAt: SIGNED_AT,
      },
    };
    spec.given([signed]).when([ordered]).thenNothingChanges();
  });

  it('refuses a step before the signed order', () =>
    spec.when([delivered]).thenThrows('vehicle sale s-1: VehicleDelivered before OrderSigned'));
});
