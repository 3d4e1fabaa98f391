import type { Actor } from '../domain/shared/event';
import { type Random, intBetween, pick } from './random';

/** The fixed vocabulary of the simulated network: models, labour operations, names, staff. */

export const MODELS: ReadonlyArray<Readonly<{ name: string; listPriceFen: number }>> = [
  { name: 'Aurora S sedan', listPriceFen: 15_980_000 },
  { name: 'Aurora L sedan', listPriceFen: 21_580_000 },
  { name: 'Crest SUV', listPriceFen: 24_880_000 },
  { name: 'Crest X SUV', listPriceFen: 31_900_000 },
  { name: 'Volt e-hatch', listPriceFen: 17_200_000 },
  { name: 'Volt e-SUV', listPriceFen: 26_500_000 },
];

export type Operation = Readonly<{ code: string; description: string; hours: number; partsFen: number }>;

export const OPERATIONS = {
  maintenance: [
    { code: 'MNT-OIL', description: 'engine oil and filter change', hours: 0.8, partsFen: 48_000 },
    { code: 'MNT-10K', description: '10,000 km service', hours: 1.5, partsFen: 96_000 },
    { code: 'MNT-40K', description: '40,000 km major service', hours: 3.2, partsFen: 268_000 },
  ],
  inspection: [
    { code: 'INS-FREE', description: 'free first inspection', hours: 0.6, partsFen: 0 },
    { code: 'INS-SEASON', description: 'seasonal safety check', hours: 0.5, partsFen: 0 },
  ],
  repair: [
    { code: 'BRK-PADS', description: 'front brake pads', hours: 1.2, partsFen: 86_000 },
    { code: 'SUS-ARM', description: 'front lower control arm', hours: 2.1, partsFen: 142_000 },
    { code: 'AC-COMP', description: 'air-conditioning compressor', hours: 3.5, partsFen: 389_000 },
    { code: 'ELC-ECU', description: 'infotainment unit reflash', hours: 1.0, partsFen: 0 },
    { code: 'BODY-PANEL', description: 'accident body panel and paint', hours: 6.5, partsFen: 412_000 },
    { code: 'GBX-CLUTCH', description: 'dual-clutch gearbox adaptation', hours: 2.4, partsFen: 56_000 },
  ],
} as const satisfies Record<string, readonly Operation[]>;

export const LABOUR_RATE_FEN_PER_HOUR = 36_000;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡'];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '霞',
  '平',
];

export const personName = (random: Random): string =>
  `${pick(random, SURNAMES)}${pick(random, GIVEN)}${random() < 0.6 ? pick(random, GIVEN) : ''}`;

/** A mainland mobile number that no other simulated person has: the counter makes it unique. */
export const phoneOf = (dealerNo: number, serial: number): string =>
  `1${3 + (dealerNo % 7)}${String(dealerNo).padStart(3, '0')}${String(serial).padStart(6, '0')}`.slice(0, 11);

const PROVINCES = ['京', '沪', '粤', '苏', '浙', '川'];
export const plateOf = (dealerNo: number, serial: number): string =>
  `${PROVINCES[dealerNo % PROVINCES.length]}${String.fromCharCode(65 + (serial % 20))}${String(serial).padStart(5, '0')}`;

/** A 17-character VIN, unique per (dealer, serial). */
export const vinOf = (dealerNo: number, serial: number): string =>
  `LSV${String(dealerNo).padStart(3, '0')}H${String(serial).padStart(10, '0')}`.slice(0, 17);

export const dealerIdOf = (dealerNo: number): string => `d-${String(dealerNo).padStart(3, '0')}`;

export const CONSULTANTS_PER_DEALER = 8;
export const ADVISORS_PER_DEALER = 5;
export const TECHNICIANS_PER_DEALER = 10;

export const staff = (
  dealerId: string,
  role: string,
  prefix: string,
  random: Random,
  count: number,
): Actor => ({
  userId: `${prefix}-${dealerId}-${intBetween(random, 1, count)}`,
  role,
  dealerId,
});

/** Reception, callers and managers of a dealer, and the OEM's call centre. */
export const dealerActor = (dealerId: string, role: string, name: string): Actor => ({
  userId: `${name}-${dealerId}`,
  role,
  dealerId,
});
export const OEM_AGENT: Actor = { userId: 'oem-cc-agent-1', role: 'oem-staff', dealerId: null };
