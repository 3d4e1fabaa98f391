/**
 * The mainland resident identity number (居民身份证号码, GB 11643-1999): 18 characters, the first six the
 * region of first registration (the first two its province-level division), then the birth date `YYYYMMDD`,
 * a three-digit sequence and a check character (ISO 7064 MOD 11-2, `X` for 10). Other identity documents
 * (passports, the 15-digit first-generation number) do not have this shape and are not read.
 */

/** The 34 province-level divisions by the first two digits (GB/T 2260). */
export const PROVINCES: Readonly<Record<string, string>> = {
  '11': '北京',
  '12': '天津',
  '13': '河北',
  '14': '山西',
  '15': '内蒙古',
  '21': '辽宁',
  '22': '吉林',
  '23': '黑龙江',
  '31': '上海',
  '32': '江苏',
  '33': '浙江',
  '34': '安徽',
  '35': '福建',
  '36': '江西',
  '37': '山东',
  '41': '河南',
  '42': '湖北',
  '43': '湖南',
  '44': '广东',
  '45': '广西',
  '46': '海南',
  '50': '重庆',
  '51': '四川',
  '52': '贵州',
  '53': '云南',
  '54': '西藏',
  '61': '陕西',
  '62': '甘肃',
  '63': '青海',
  '64': '宁夏',
  '65': '新疆',
  '71': '台湾',
  '81': '香港',
  '82': '澳门',
};

/** Weight of digit i (0-based) is 2^(17 − i) mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** The check character for each remainder of the weighted sum mod 11: (12 − r) mod 11, 10 written `X`. */
const CHECK = '10X98765432';

const SHAPE = /^\d{17}[\dX]$/;

/** True when the value has the shape of a resident ID number (it may still be invalid). */
export const looksLikeResidentId = (value: string): boolean => SHAPE.test(value.toUpperCase());

/** The check character of the first 17 digits. */
export const residentIdCheckCharacter = (first17: string): string => {
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i]!, 0);
  return CHECK[sum % 11]!;
};

export type ResidentIdFault = 'checksum' | 'birth-date' | 'province';

export type ResidentId = Readonly<{
  province: string;
  birthDate: Readonly<{ y: number; m: number; d: number }>;
}>;

const isRealDate = (y: number, m: number, d: number): boolean => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/**
 * The province and birth date of a resident ID number of the right shape, or the first fault found: a wrong
 * check character, a birth date that is no calendar date or lies before 1900, or an unknown province.
 * Whether the birth date is after some instant is the caller's question (it knows the business time).
 */
export const readResidentId = (value: string): ResidentId | ResidentIdFault => {
  const id = value.toUpperCase();
  if (!SHAPE.test(id)) throw new Error('not a resident ID number: check looksLikeResidentId first');
  if (residentIdCheckCharacter(id.slice(0, 17)) !== id[17]) return 'checksum';
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number) as [
    number,
    number,
    number,
  ];
  if (y < 1900 || !isRealDate(y, m, d)) return 'birth-date';
  const province = id.slice(0, 2);
  if (!(province in PROVINCES)) return 'province';
  return { province, birthDate: { y, m, d } };
};
