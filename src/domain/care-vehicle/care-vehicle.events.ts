import type { ReminderDue } from '../care-task/care-reminders';
import type { Event } from '../shared/event';

type Vehicle = { vin: string; dealerId: string; customerId: string };
/** Every vehicle event restates the reminders of its kind as the vehicle's facts now decide them. */
type Restated = { rulesVersion: string; reminders: readonly ReminderDue[] };

/** The date the vehicle's insurance policy expires (`YYYY-MM-DD`), as the customer or the insurer said. */
export type VehicleInsuranceExpiryRecorded = Event<
  'VehicleInsuranceExpiryRecorded',
  Vehicle & Restated & { expiresOn: string; recordedAt: string }
>;

/** The date the vehicle's annual inspection (年检) is due (`YYYY-MM-DD`). */
export type VehicleInspectionDueRecorded = Event<
  'VehicleInspectionDueRecorded',
  Vehicle & Restated & { dueOn: string; recordedAt: string }
>;

/** A repair order of the vehicle was settled (fed by a reactor from `RepairOrderSettled`). */
export type VehicleServiceRecorded = Event<
  'VehicleServiceRecorded',
  Vehicle & Restated & { repairOrderId: string; settledAt: string; checkedInAt: string; mileageKm: number }
>;

export type CareVehicleEvent =
  VehicleInsuranceExpiryRecorded | VehicleInspectionDueRecorded | VehicleServiceRecorded;

export const CARE_VEHICLE_EVENT_TYPES = {
  VehicleInsuranceExpiryRecorded: 1,
  VehicleInspectionDueRecorded: 1,
  VehicleServiceRecorded: 1,
} as const satisfies Record<CareVehicleEvent['type'], number>;
