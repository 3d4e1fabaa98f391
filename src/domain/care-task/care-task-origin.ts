import type { RepairOrderState } from '../repair-order/repair-order.state';
import type { VehicleSaleState } from '../vehicle-sale/vehicle-sale.state';
import { addHours } from '../shared/time';
import type { CareVehicleState } from '../care-vehicle/care-vehicle.decider';
import { dateReminders, maintenanceReminders, REMINDER_RULES, type ReminderDue } from './care-reminders';
import {
  type CareTaskOrigin,
  FOLLOW_UP_WITHIN_HOURS,
  type ReminderKind,
  type VehicleReminderKind,
  threeMonthCallDueAt,
} from './care-task.types';

/**
 * The delivery's tasks as the sale says them: the 7-day call (due when the sale's callback is due, its
 * callbacks on the sale's route are attempts of it) and the three-month call. Null before delivery.
 */
export const originFromSale = (
  kind: 'delivery' | '3month' | 'salesfollowup',
  sale: VehicleSaleState,
): CareTaskOrigin | null => {
  if (sale.status !== 'delivered' || sale.deliveredAt === null || sale.callbackDueAt === null) return null;
  const base = {
    recordId: sale.saleId,
    dealerId: sale.dealerId,
    customerId: sale.customerId,
    ownerId: sale.consultantId,
    openedAt: sale.deliveredAt,
  };
  if (kind === 'salesfollowup')
    return sale.dissatisfiedAt === null
      ? null
      : {
          ...base,
          kind,
          openedAt: sale.dissatisfiedAt,
          dueAt: addHours(sale.dissatisfiedAt, FOLLOW_UP_WITHIN_HOURS),
          recordAttempts: [],
        };
  if (kind === '3month')
    return { ...base, kind, dueAt: threeMonthCallDueAt(sale.deliveredAt), recordAttempts: [] };
  return {
    ...base,
    kind,
    dueAt: sale.callbackDueAt,
    recordAttempts: sale.callbackAttempts.map(({ at, reached }) => ({
      at,
      outcome: reached ? ('reached' as const) : ('not-reached' as const),
    })),
  };
};

/** The settlement's 3-day call as the repair order says it; its CSI survey reached the customer. Null before settlement. */
export const originFromRepairOrder = (
  kind: 'service' | 'servicefollowup',
  repairOrder: RepairOrderState,
): CareTaskOrigin | null => {
  if (repairOrder.status !== 'settled' || !repairOrder.settledAt || !repairOrder.callbackDueAt) return null;
  if (kind === 'servicefollowup')
    return repairOrder.dissatisfiedAt === null
      ? null
      : {
          kind,
          recordId: repairOrder.repairOrderId,
          dealerId: repairOrder.dealerId,
          customerId: repairOrder.customerId,
          ownerId: null,
          openedAt: repairOrder.dissatisfiedAt,
          dueAt: addHours(repairOrder.dissatisfiedAt, FOLLOW_UP_WITHIN_HOURS),
          recordAttempts: [],
        };
  return {
    kind: 'service',
    recordId: repairOrder.repairOrderId,
    dealerId: repairOrder.dealerId,
    customerId: repairOrder.customerId,
    ownerId: null,
    openedAt: repairOrder.settledAt,
    dueAt: repairOrder.callbackDueAt,
    recordAttempts: repairOrder.surveyedAt ? [{ at: repairOrder.surveyedAt, outcome: 'reached' }] : [],
  };
};

/** A reminder's task as its vehicle says it (`care-reminders.ts`): nobody owns it but its dealer. */
export const originFromReminder = (kind: ReminderKind, reminder: ReminderDue): CareTaskOrigin => ({
  kind,
  recordId: reminder.recordId,
  dealerId: reminder.dealerId,
  customerId: reminder.customerId,
  ownerId: null,
  openedAt: reminder.openedAt,
  dueAt: reminder.dueAt,
  recordAttempts: [],
  supersededAt: reminder.supersededAt,
});

/** The vehicle's reminders of a kind, as its care record decides them now. */
export const vehicleReminders = (
  kind: VehicleReminderKind,
  vin: string,
  vehicle: CareVehicleState,
): ReminderDue[] => {
  switch (kind) {
    case 'insurance':
      return dateReminders(vin, vehicle.insurance, REMINDER_RULES.insuranceLeadDays);
    case 'inspection':
      return dateReminders(vin, vehicle.inspection, REMINDER_RULES.inspectionLeadDays);
    case 'maintenance':
      return maintenanceReminders(vehicle.visits);
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
};

/** A date reminder's record id is `<vin>-<YYYYMMDD>`: a VIN holds no hyphen. */
export const vinOfDateRecord = (recordId: string): string | null => {
  const match = /^([A-HJ-NPR-Z0-9]{17})-(\d{8})$/.exec(recordId);
  return match ? match[1] : null;
};
