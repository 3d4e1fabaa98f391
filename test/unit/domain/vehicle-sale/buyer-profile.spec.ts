import { ageBandOf, ageOn, buyerProfileOf } from '../../../../src/domain/vehicle-sale/buyer-profile';

/** Check characters of the numbers worked out by hand in test/unit/domain/shared/resident-id.spec.ts, and: */
// 330106200002297896 (浙江杭州西湖, 2000-02-29):
//   21+27+0+5+0+24+4+0+0+0+0+18+20+45+56+32+18 = 270; 270 mod 11 = 6 → 6
// 31010120270101123X (born 2027-01-01, after every order here):
//   21+9+0+5+0+4+4+0+12+21+0+9+0+5+8+8+6 = 112; 112 mod 11 = 2 → X
describe('buyer profile: age band at the order and province, from the resident ID number', () => {
  it('bands ages at the bounds', () => {
    expect([17, 18, 24, 25, 34, 35, 44, 45, 54, 55, 64, 65, 90].map(ageBandOf)).toEqual([
      'under-18',
      '18-24',
      '18-24',
      '25-34',
      '25-34',
      '35-44',
      '35-44',
      '45-54',
      '45-54',
      '55-64',
      '55-64',
      '65+',
      '65+',
    ]);
  });

  it('counts completed years on the CST day of the order', () => {
    const born = { y: 1991, m: 3, d: 6 };
    // 5 March 10:00 CST: the birthday is tomorrow, 2026 − 1991 − 1 = 34.
    expect(ageOn(born, '2026-03-05T02:00:00.000Z')).toBe(34);
    // 5 March 16:30 UTC is 6 March 00:30 CST: the birthday, 35.
    expect(ageOn(born, '2026-03-05T16:30:00.000Z')).toBe(35);
    // Born 29 February: 17 on 28 February 2018, 18 on 1 March.
    const leap = { y: 2000, m: 2, d: 29 };
    expect(ageOn(leap, '2018-02-28T04:00:00.000Z')).toBe(17);
    expect(ageOn(leap, '2018-03-01T04:00:00.000Z')).toBe(18);
  });

  it('derives the band and the province code', () => {
    expect(buyerProfileOf('310101199103061232', '2026-03-05T02:00:00.000Z')).toEqual({
      ageBand: '25-34',
      province: '31',
    });
    // 1949-12-31 → 76 on 5 March 2026.
    expect(buyerProfileOf('11010519491231002X', '2026-03-05T02:00:00.000Z')).toEqual({
      ageBand: '65+',
      province: '11',
    });
    // 2008-03-06 → 17 on 5 March 2026.
    expect(buyerProfileOf('440106200803064561', '2026-03-05T02:00:00.000Z')).toEqual({
      ageBand: 'under-18',
      province: '44',
    });
    expect(buyerProfileOf('330106200002297896', '2018-03-01T04:00:00.000Z')).toEqual({
      ageBand: '18-24',
      province: '33',
    });
  });

  it('gives null without a resident ID number, and the fault for an invalid one', () => {
    expect(buyerProfileOf(undefined, '2026-03-05T02:00:00.000Z')).toBeNull();
    expect(buyerProfileOf('E12345678', '2026-03-05T02:00:00.000Z')).toBeNull();
    // A stored (protected) value is never read: it has not the shape.
    expect(buyerProfileOf('pii:1:idNumber:cu-1:abc', '2026-03-05T02:00:00.000Z')).toBeNull();
    expect(buyerProfileOf('310101199103061233', '2026-03-05T02:00:00.000Z')).toBe('checksum');
    expect(buyerProfileOf('31010120270101123X', '2026-03-05T02:00:00.000Z')).toBe('birth-date');
  });
});
