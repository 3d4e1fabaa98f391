import {
  looksLikeResidentId,
  PROVINCES,
  readResidentId,
  residentIdCheckCharacter,
} from '../../../../src/domain/shared/resident-id';

/**
 * Sample numbers in the real format, each check character worked out by hand: digit i (1..17) times its
 * weight 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, summed, mod 11, looked up in 1 0 X 9 8 7 6 5 4 3 2.
 *
 * 11010519491231002X (北京朝阳, 1949-12-31; the standard's own example):
 *   7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → X
 * 310101199103061232 (上海黄浦, 1991-03-06):
 *   21+9+0+5+0+4+2+9+54+3+0+27+0+30+8+8+6 = 186; 186 mod 11 = 10 → 2
 * 310101199102301230 (a 30 February, check character right):
 *   21+9+0+5+0+4+2+9+54+3+0+18+30+0+8+8+6 = 177; 177 mod 11 = 1 → 0
 * 990101199103061239 (province 99 does not exist, check character right):
 *   63+81+0+5+0+4+2+9+54+3+0+27+0+30+8+8+6 = 300; 300 mod 11 = 3 → 9
 * 440106200803064561 (广东广州天河, 2008-03-06):
 *   28+36+0+5+0+24+4+0+0+24+0+27+0+30+32+20+12 = 242; 242 mod 11 = 0 → 1
 */
describe('resident ID number (GB 11643, ISO 7064 MOD 11-2)', () => {
  it('computes the check character', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('31010119910306123')).toBe('2');
    expect(residentIdCheckCharacter('44010620080306456')).toBe('1');
  });

  it('reads the province and the birth date of a valid number, x in either case', () => {
    expect(readResidentId('11010519491231002X')).toEqual({
      province: '11',
      birthDate: { y: 1949, m: 12, d: 31 },
    });
    expect(readResidentId('11010519491231002x')).toEqual({
      province: '11',
      birthDate: { y: 1949, m: 12, d: 31 },
    });
    expect(readResidentId('310101199103061232')).toEqual({
      province: '31',
      birthDate: { y: 1991, m: 3, d: 6 },
    });
  });

  it('names the fault: a wrong check character, no calendar date, an unknown province', () => {
    expect(readResidentId('310101199103061233')).toBe('checksum');
    expect(readResidentId('310101199102301230')).toBe('birth-date');
    expect(readResidentId('990101199103061239')).toBe('province');
  });

  it('reads only the 18-character shape (a passport or the old 15-digit number is something else)', () => {
    expect(looksLikeResidentId('310101199103061232')).toBe(true);
    expect(looksLikeResidentId('E12345678')).toBe(false);
    expect(looksLikeResidentId('310101910306123')).toBe(false);
    expect(looksLikeResidentId('3101011991030612321')).toBe(false);
  });

  it('has the 34 province-level divisions', () => {
    expect(Object.keys(PROVINCES)).toHaveLength(34);
    expect([PROVINCES['11'], PROVINCES['31'], PROVINCES['44']]).toEqual(['北京', '上海', '广东']);
  });
});
