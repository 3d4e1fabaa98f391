import {
  type DateRevision,
  dateReminders,
  maintenanceReminders,
  REMINDER_RULES,
  type ServiceVisit,
} from '../care-task/care-reminders';
import type { Decider } from '../shared/event';
import type { CareVehicleCommand, RecordVehicleDates, RecordVehicleService } from './care-vehicle.commands';
import { noDates, otherDealersVehicle } from './care-vehicle.errors';
import type { CareVehicleEvent } from './care-vehicle.events';

/**
 * A vehicle as customer care knows it (one stream per VIN): the insurance and inspection dates recorded by
 * its dealer, and every settled repair order of it (fed by a reactor), from which its reminders follow.
 */
export type CareVehicleState = Readonly<{
  /** The dealer that records the dates: the first to record one; null before. */
  dealerId: string | null;
  insurance: readonly DateRevision[];
  inspection: readonly DateRevision[];
  visits: readonly ServiceVisit[];
}>;

export const careVehicleStreamId = (vin: string): string => `carevehicle-${vin}`;

const initialState = (): CareVehicleState => ({ dealerId: null, insurance: [], inspection: [], visits: [] });

const revision = (
  state: CareVehicleState,
  data: { dealerId: string; customerId: string; recordedAt: string },
  date: string,
): DateRevision => ({
  date,
  dealerId: data.dealerId,
  customerId: data.customerId,
  at: data.recordedAt,
  order: state.insurance.length + state.inspection.length,
});

const evolve = (state: CareVehicleState, event: CareVehicleEvent): CareVehicleState => {
  switch (event.type) {
    case 'VehicleInsuranceExpiryRecorded':
      return {
        ...state,
        dealerId: state.dealerId ?? event.data.dealerId,
        insurance: [...state.insurance, revision(state, event.data, event.data.expiresOn)],
      };
    case 'VehicleInspectionDueRecorded':
      return {
        ...state,
        dealerId: state.dealerId ?? event.data.dealerId,
        inspection: [...state.inspection, revision(state, event.data, event.data.dueOn)],
      };
    case 'VehicleServiceRecorded': {
      const { repairOrderId, dealerId, customerId, settledAt, checkedInAt, mileageKm } = event.data;
      return {
        ...state,
        visits: [...state.visits, { repairOrderId, dealerId, customerId, settledAt, checkedInAt, mileageKm }],
      };
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};

const recordDates = (command: RecordVehicleDates, state: CareVehicleState): CareVehicleEvent[] => {
  const { vin, dealerId, customerId, insuranceExpiresOn, inspectionDueOn } = command.data;
  const recordedAt = command.metadata.now;
  if (insuranceExpiresOn === undefined && inspectionDueOn === undefined) throw noDates(vin);
  if (state.dealerId !== null && state.dealerId !== dealerId)
    throw otherDealersVehicle(vin, state.dealerId, dealerId);
  const base = { vin, dealerId, customerId, recordedAt, rulesVersion: REMINDER_RULES.version };
  const order = state.insurance.length + state.inspection.length;
  const next = (date: string, offset: number): DateRevision => ({
    date,
    dealerId,
    customerId,
    at: recordedAt,
    order: order + offset,
  });
  const events: CareVehicleEvent[] = [];
  if (insuranceExpiresOn !== undefined)
    events.push({
      type: 'VehicleInsuranceExpiryRecorded',
      data: {
        ...base,
        expiresOn: insuranceExpiresOn,
        reminders: dateReminders(
          vin,
          [...state.insurance, next(insuranceExpiresOn, 0)],
          REMINDER_RULES.insuranceLeadDays,
        ),
      },
    });
  if (inspectionDueOn !== undefined)
    events.push({
      type: 'VehicleInspectionDueRecorded',
      data: {
        ...base,
        dueOn: inspectionDueOn,
        reminders: dateReminders(
          vin,
          [...state.inspection, next(inspectionDueOn, events.length)],
          REMINDER_RULES.inspectionLeadDays,
        ),
      },
    });
  return events;
};

/** A settlement already recorded is recorded once (the reactor runs at least once). */
const recordService = (command: RecordVehicleService, state: CareVehicleState): CareVehicleEvent[] => {
  const visit: ServiceVisit = { ...command.data };
  if (state.visits.some((known) => known.repairOrderId === visit.repairOrderId)) return [];
  return [
    {
      type: 'VehicleServiceRecorded',
      data: {
        ...command.data,
        rulesVersion: REMINDER_RULES.version,
        reminders: maintenanceReminders([...state.visits, visit]),
      },
    },
  ];
};

const decide = (command: CareVehicleCommand, state: CareVehicleState): CareVehicleEvent[] => {
  switch (command.type) {
    case 'RecordVehicleDates':
      return recordDates(command, state);
    case 'RecordVehicleService':
      return recordService(command, state);
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
};

/** The vehicle's care record: dates and services, each event restating the reminders it decides. */
export const careVehicleDecider: Decider<CareVehicleState, CareVehicleCommand, CareVehicleEvent> = {
  decide,
  evolve,
  initialState,
};
