/** 有费定保, 有费修理, 免费定检, 免费修理, 索赔修理. */
export type RepairOrderType =
  'paid-maintenance' | 'paid-repair' | 'free-inspection' | 'free-repair' | 'warranty-claim';
export type RepairOrderPayer = 'customer' | 'warranty' | 'internal';
/** Where a repair order stands in the service process (服务流程). */
export type RepairOrderStage =
  | 'booked'
  | 'checked-in'
  | 'diagnosed'
  | 'authorised'
  | 'in-repair'
  | 'work-completed'
  | 'inspection-passed'
  | 'delivered'
  | 'settled'
  | 'cancelled';

export const REPAIR_ORDER_TYPES: readonly RepairOrderType[] = [
  'paid-maintenance',
  'paid-repair',
  'free-inspection',
  'free-repair',
  'warranty-claim',
];
export const REPAIR_ORDER_PAYERS: readonly RepairOrderPayer[] = ['customer', 'warranty', 'internal'];
export const REPAIR_ORDER_STAGES: readonly RepairOrderStage[] = [
  'booked',
  'checked-in',
  'diagnosed',
  'authorised',
  'in-repair',
  'work-completed',
  'inspection-passed',
  'delivered',
  'settled',
  'cancelled',
];

/** A labour operation of the work order: its code and the standard (billed) hours. */
export type LabourOperation = Readonly<{ operationCode: string; description: string; standardHours: number }>;

/** A part line of the work order; money is integer fen so sums never drift. */
export type PartLine = Readonly<{ partNumber: string; quantity: number; unitPriceFen: number }>;

/** Hours a technician clocked on one operation of the work order. */
export type ClockedWork = Readonly<{ operationCode: string; technicianId: string; actualHours: number }>;

/** Standard hours credited to a technician and the hours clocked, over one repair order. */
export type TechnicianHours = Readonly<{ technicianId: string; standardHours: number; actualHours: number }>;

/**
 * A settled repair order of the same vehicle at the same dealer, as the service history read model shows
 * it; the handler passes them in so the decider can recognise rework without I/O.
 */
export type EarlierSettledRepairOrder = Readonly<{
  repairOrderId: string;
  settledAt: string;
  operationCodes: readonly string[];
}>;

export const PAID_TYPES: readonly RepairOrderType[] = ['paid-maintenance', 'paid-repair'];
export const FREE_TYPES: readonly RepairOrderType[] = ['free-inspection', 'free-repair'];

/** Hours are kept to two decimals; summing in hundredths keeps 0.1 + 0.2 equal to 0.3. */
export const sumHours = (hours: readonly number[]): number =>
  hours.reduce((total, value) => total + Math.round(value * 100), 0) / 100;
