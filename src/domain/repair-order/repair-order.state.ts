import { isDissatisfied } from '../shared/unhappy-reasons';
import type { RepairOrderEvent } from './repair-order.events';
import type { ClockedWork, LabourOperation } from './repair-order.types';

type Vehicle = Readonly<{
  repairOrderId: string;
  dealerId: string;
  vin: string;
  plate: string;
  customerId: string;
}>;

type Opened = Vehicle &
  Readonly<{
    mileageKm: number;
    checkedInAt: string;
    fromAppointment: boolean;
    labour: readonly LabourOperation[];
    rework: boolean;
    /** Every clocking, in order; a failed inspection's re-repair adds to it. */
    clocked: readonly ClockedWork[];
    settledAt: string | null;
    callbackDueAt: string | null;
    surveyed: boolean;
    /** When the 3-day callback brought the CSI survey: it completes the service care task. */
    surveyedAt: string | null;
    /** When the CSI survey had a factor answered 6 or less: a follow-up task falls due. */
    dissatisfiedAt: string | null;
  }>;

/** Stages of an opened repair order (after check-in, before any cancellation). */
export type OpenedStage =
  | 'checked-in'
  | 'diagnosed'
  | 'authorised'
  | 'in-repair'
  | 'work-completed'
  | 'inspection-passed'
  | 'delivered'
  | 'settled';

export type RepairOrderState =
  | Readonly<{ status: 'none' }>
  | (Vehicle & Readonly<{ status: 'booked'; requestedFor: string }>)
  | (Opened & Readonly<{ status: OpenedStage }>)
  | (Vehicle & Readonly<{ status: 'cancelled' }>);

export type OpenedRepairOrder = Extract<RepairOrderState, { checkedInAt: string }>;

const vehicleOf = (state: Vehicle): Vehicle => ({
  repairOrderId: state.repairOrderId,
  dealerId: state.dealerId,
  vin: state.vin,
  plate: state.plate,
  customerId: state.customerId,
});

/** Applies an event that only an opened repair order can take; anything else leaves the state as it is. */
const evolveOpened = (state: OpenedRepairOrder, event: RepairOrderEvent): RepairOrderState => {
  switch (event.type) {
    case 'AppointmentBooked':
    case 'VehicleCheckedIn':
    case 'RepairOrderCancelled':
      return state;
    case 'DiagnosisRecorded':
      return { ...state, status: 'diagnosed' };
    case 'WorkOrderAuthorised':
      return { ...state, status: 'authorised', labour: event.data.labour };
    case 'RepairOrderMarkedAsRework':
      return { ...state, rework: true };
    case 'RepairWorkStarted':
      return { ...state, status: 'in-repair' };
    case 'RepairWorkCompleted':
      return { ...state, status: 'work-completed', clocked: [...state.clocked, ...event.data.clocked] };
    case 'RepairInspectionPassed':
      return { ...state, status: 'inspection-passed' };
    case 'RepairInspectionFailed':
      // 质检不合格: back to repair, the clock keeps running for the re-repair.
      return { ...state, status: 'in-repair' };
    case 'RepairOrderDelivered':
      return { ...state, status: 'delivered' };
    case 'RepairOrderSettled':
      return {
        ...state,
        status: 'settled',
        settledAt: event.data.settledAt,
        callbackDueAt: event.data.callbackDueAt,
      };
    case 'CsiSurveyRecorded':
      return {
        ...state,
        surveyed: true,
        surveyedAt: event.data.surveyedAt,
        dissatisfiedAt: isDissatisfied(event.data.answers) ? event.data.surveyedAt : state.dissatisfiedAt,
      };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};

export const evolveRepairOrder = (state: RepairOrderState, event: RepairOrderEvent): RepairOrderState => {
  switch (event.type) {
    case 'AppointmentBooked': {
      const { repairOrderId, dealerId, vin, plate, customerId, requestedFor } = event.data;
      return { status: 'booked', repairOrderId, dealerId, vin, plate, customerId, requestedFor };
    }
    case 'VehicleCheckedIn': {
      const { data } = event;
      return {
        status: 'checked-in',
        ...vehicleOf(data),
        mileageKm: data.mileageKm,
        checkedInAt: data.checkedInAt,
        fromAppointment: data.fromAppointment,
        labour: [],
        rework: false,
        clocked: [],
        settledAt: null,
        callbackDueAt: null,
        surveyed: false,
        surveyedAt: null,
        dissatisfiedAt: null,
      };
    }
    case 'RepairOrderCancelled':
      return state.status === 'none' ? state : { status: 'cancelled', ...vehicleOf(state) };
    default:
      return 'checkedInAt' in state ? evolveOpened(state, event) : state;
  }
};
