import { customerCharacteristics } from '../../../../src/application/sales/customer-characteristics';
import type { CustomerCharacteristicFact } from '../../../../src/projections/customer-characteristics/customer-characteristics.projection';

type Profile = Pick<CustomerCharacteristicFact, 'ageBand' | 'province'>;
const SHANGHAI_30S: Profile = { ageBand: '25-34', province: '31' };
const NO_ID: Profile = { ageBand: null, province: null };
const fact = (fields: Partial<CustomerCharacteristicFact>): CustomerCharacteristicFact => ({
  kind: 'sale',
  recordId: 'x',
  prospectId: null,
  dealerId: 'd-1',
  customerId: null,
  channel: null,
  model: null,
  payment: null,
  ageBand: null,
  province: null,
  vin: null,
  at: null,
  month: null,
  ...fields,
});
const sale = (
  n: number,
  month: string,
  customerId = `cu-${n}`,
  payment = 'cash',
  profile: Profile = SHANGHAI_30S,
) =>
  fact({
    recordId: `s-${n}`,
    prospectId: `p-${n}`,
    customerId,
    model: 'ID.4',
    payment,
    ...profile,
    vin: `VIN${n}`,
    at: `${month}-15T02:00:00.000Z`,
    month,
  });
const prospect = (n: number, channel: string) =>
  fact({ kind: 'prospect', recordId: `p-${n}`, prospectId: `p-${n}`, channel });

/**
 * March at d-1: s-1..s-6 delivered ID.4 to cu-1..cu-6 (prospects p-1..p-6: p-1..p-5 walk-in, p-6 web);
 * s-1..s-5 cash, s-6 loan; s-0..s-5 ordered with a resident ID number of 上海 (31) in the 25-34 band, s-6
 * without one; cu-1 also had s-0 delivered in January (a repeat buyer in March); s-7 (cu-7) is
 * another dealer's and s-8 (cu-8) is April's: neither counts.
 * Buyers: 6 customers, 6 vehicles; model ID.4 6; channel walk-in 5, web 1 → "<5"; payment cash 5, loan "<5";
 * repeat: cu-1 has 2 deliveries by March → repeat 1 → "<5", first 5; age band 25-34 5, unknown 1 → "<5";
 * province 31 上海 5, unknown 1 → "<5".
 * Owners: ro-1..ro-4 settled in March for VIN1..VIN4 (cu-1..cu-4) and ro-5 for a VIN bought elsewhere (cu-9):
 * 5 customers, 5 vehicles; model ID.4 4 → "<5", unknown 1 → "<5"; repeat: cu-1 repeat "<5", first 4 → "<5";
 * age band 25-34 4 → "<5" (the band of the VIN's sale, at its ordering), unknown 1 → "<5"; province likewise.
 */
const facts = [
  ...[1, 2, 3, 4, 5].map((n) => sale(n, '2026-03')),
  sale(6, '2026-03', 'cu-6', 'loan', NO_ID),
  { ...sale(0, '2026-01', 'cu-1'), recordId: 's-0' },
  { ...sale(7, '2026-03'), dealerId: 'd-2' },
  sale(8, '2026-04'),
  ...[1, 2, 3, 4, 5].map((n) => prospect(n, 'walk-in')),
  prospect(6, 'web'),
  ...[1, 2, 3, 4].map((n) =>
    fact({
      kind: 'service',
      recordId: `ro-${n}`,
      customerId: `cu-${n}`,
      vin: `VIN${n}`,
      month: '2026-03',
      at: 'x',
    }),
  ),
  fact({
    kind: 'service',
    recordId: 'ro-5',
    customerId: 'cu-9',
    vin: 'VIN-ELSEWHERE',
    month: '2026-03',
    at: 'x',
  }),
];

describe('customer characteristics (aggregates only, "<5" below five customers)', () => {
  it('counts distinct customers per value and suppresses the small cells', () => {
    expect(customerCharacteristics({ from: '2026-03', to: '2026-03', dealerId: 'd-1' }, facts)).toEqual({
      from: '2026-03',
      to: '2026-03',
      dealerId: 'd-1',
      suppressedBelow: 5,
      buyers: {
        customers: 6,
        vehicles: 6,
        byModel: [{ value: 'ID.4', customers: 6 }],
        byChannel: [
          { value: 'walk-in', customers: 5 },
          { value: 'web', customers: '<5' },
        ],
        byPayment: [
          { value: 'cash', customers: 5 },
          { value: 'loan', customers: '<5' },
        ],
        byRepeat: [
          { value: 'first', customers: 5 },
          { value: 'repeat', customers: '<5' },
        ],
        byAgeBand: [
          { value: '25-34', customers: 5 },
          { value: 'unknown', customers: '<5' },
        ],
        byProvince: [
          { value: '31', name: '上海', customers: 5 },
          { value: 'unknown', name: null, customers: '<5' },
        ],
      },
      owners: {
        customers: 5,
        vehicles: 5,
        byModel: [
          { value: 'ID.4', customers: '<5' },
          { value: 'unknown', customers: '<5' },
        ],
        byChannel: [
          { value: 'unknown', customers: '<5' },
          { value: 'walk-in', customers: '<5' },
        ],
        byPayment: [
          { value: 'cash', customers: '<5' },
          { value: 'unknown', customers: '<5' },
        ],
        byRepeat: [
          { value: 'first', customers: '<5' },
          { value: 'repeat', customers: '<5' },
        ],
        byAgeBand: [
          { value: '25-34', customers: '<5' },
          { value: 'unknown', customers: '<5' },
        ],
        byProvince: [
          { value: '31', name: '上海', customers: '<5' },
          { value: 'unknown', name: null, customers: '<5' },
        ],
      },
    });
  });

  it('suppresses the totals too when fewer than 5 customers, and is the same in any order of facts', () => {
    const april = customerCharacteristics({ from: '2026-04', to: '2026-04', dealerId: null }, facts);
    expect(april.buyers).toMatchObject({ customers: '<5', vehicles: '<5' });
    expect(
      customerCharacteristics({ from: '2026-03', to: '2026-03', dealerId: 'd-1' }, [...facts].reverse()),
    ).toEqual(customerCharacteristics({ from: '2026-03', to: '2026-03', dealerId: 'd-1' }, facts));
  });

  it('lists age bands youngest first and provinces by code, unknown last', () => {
    // One March sale each (cu-11..cu-15): 65+ 44, under-18 11, unknown, 18-24 44, 35-44 31.
    const profiles = [
      { ageBand: '65+', province: '44' },
      { ageBand: 'under-18', province: '11' },
      NO_ID,
      { ageBand: '18-24', province: '44' },
      { ageBand: '35-44', province: '31' },
    ];
    const mixed = profiles.map((profile, i) => sale(11 + i, '2026-03', `cu-${11 + i}`, 'cash', profile));
    const { buyers } = customerCharacteristics({ from: '2026-03', to: '2026-03', dealerId: null }, mixed);
    expect(buyers.byAgeBand.map((cell) => cell.value)).toEqual([
      'under-18',
      '18-24',
      '35-44',
      '65+',
      'unknown',
    ]);
    expect(buyers.byProvince.map((cell) => [cell.value, cell.name])).toEqual([
      ['11', '北京'],
      ['31', '上海'],
      ['44', '广东'],
      ['unknown', null],
    ]);
  });
});
