import { customerCharacteristicsProjection } from '../../../src/projections/customer-characteristics/customer-characteristics.projection';
import { projectionSpec, type SpecEvent } from '../../support/projection-spec';

const spec = projectionSpec(customerCharacteristicsProjection);

const registered: SpecEvent = {
  type: 'ProspectRegistered',
  data: {
    prospectId: 'p-1',
    dealerId: 'd-1',
    consultantId: 'sc-1',
    channel: 'web',
    contact: { customerId: 'cu-1', name: 'pii:1:name:cu-1:xxx', phone: 'pii:1:phone:cu-1:yyy' },
    phoneHash: 'h',
    modelOfInterest: 'Lavida',
    budgetFen: null,
    expectedPurchaseBy: null,
    campaignId: null,
    grade: 'A',
    registeredAt: '2026-02-01T02:00:00.000Z',
    followUpPolicyVersion: '1',
  },
};
const signed: SpecEvent = {
  type: 'OrderSigned',
  data: {
    saleId: 's-1',
    prospectId: 'p-1',
    dealerId: 'd-1',
    consultantId: 'sc-1',
    customer: { customerId: 'cu-1', name: 'pii:1:name:cu-1:xxx', phone: 'pii:1:phone:cu-1:yyy' },
    model: 'Lavida',
    listPriceFen: 100,
    discountFen: 0,
    priceFen: 100,
    payment: 'loan',
    promisedDeliveryAt: '2026-03-31T02:00:00.000Z',
    // Derived by the decider from a resident ID number of 上海 (31), buyer aged 25-34 at ordering.
    buyerProfile: { ageBand: '25-34', province: '31' },
    signedAt: '2026-02-10T02:00:00.000Z',
  },
};
// Delivered 31 March 23:30 CST (15:30 UTC): March's.
const delivered: SpecEvent = {
  type: 'VehicleDelivered',
  data: {
    saleId: 's-1',
    prospectId: 'p-1',
    dealerId: 'd-1',
    consultantId: 'sc-1',
    customerId: 'cu-1',
    vin: 'LSVAB4BR5MN000001',
    model: 'Lavida Plus',
    promisedDeliveryAt: '2026-03-31T02:00:00.000Z',
    deliveredAt: '2026-03-31T15:30:00.000Z',
    onTime: true,
    callbackDueAt: '2026-04-07T15:30:00.000Z',
  },
};
// Settled 1 April 00:30 CST (31 March 16:30 UTC): April's.
const settled: SpecEvent = {
  type: 'RepairOrderSettled',
  data: {
    repairOrderId: 'ro-1',
    dealerId: 'd-2',
    vin: 'LSVAB4BR5MN000001',
    plate: 'pii:1:plate:cu-1:zzz',
    customerId: 'cu-1',
    roType: 'paid-maintenance',
    payer: 'customer',
    labourFen: 1,
    partsFen: 1,
    totalFen: 2,
    mileageKm: 5000,
    checkedInAt: '2026-03-31T08:00:00.000Z',
    fromAppointment: false,
    rework: false,
    operationCodes: [],
    technicians: [],
    settledAt: '2026-03-31T16:30:00.000Z',
    callbackDueAt: '2026-04-03T16:30:00.000Z',
  },
};

const base = {
  prospectId: null,
  dealerId: null,
  customerId: null,
  channel: null,
  model: null,
  payment: null,
  ageBand: null,
  province: null,
};
const saleFacts = {
  kind: 'sale',
  recordId: 's-1',
  prospectId: 'p-1',
  dealerId: 'd-1',
  customerId: 'cu-1',
  channel: null,
  // The delivered model wins over the ordered one, in either order.
  model: 'Lavida Plus',
  payment: 'loan',
  ageBand: '25-34',
  province: '31',
  vin: 'LSVAB4BR5MN000001',
  at: '2026-03-31T15:30:00.000Z',
  month: '2026-03',
} as const;
const expected = {
  'prospect:p-1': {
    ...base,
    kind: 'prospect',
    recordId: 'p-1',
    prospectId: 'p-1',
    dealerId: 'd-1',
    customerId: 'cu-1',
    channel: 'web',
    vin: null,
    at: null,
    month: null,
  },
  'sale:s-1': saleFacts,
  'service:ro-1': {
    ...base,
    kind: 'service',
    recordId: 'ro-1',
    dealerId: 'd-2',
    customerId: 'cu-1',
    vin: 'LSVAB4BR5MN000001',
    at: '2026-03-31T16:30:00.000Z',
    month: '2026-04',
  },
} as const;

describe('customer-characteristics projection (facts, codes only)', () => {
  it('keeps the channel, the sale (ordered then delivered) and the repair order, by CST month', () => {
    spec.when([registered, signed, delivered, settled]).then(expected);
  });

  it('gives the same documents when the delivery arrives before the order', () => {
    spec.when([settled, delivered, signed, registered]).then(expected);
  });

  it('keeps no age band or province for an order without a resident ID number', () => {
    const withoutId = { ...signed, data: { ...signed.data, buyerProfile: null } } as SpecEvent;
    spec.when([withoutId, delivered]).then({ 'sale:s-1': { ...saleFacts, ageBand: null, province: null } });
  });
});
