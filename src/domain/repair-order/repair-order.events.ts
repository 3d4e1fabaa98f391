import type { Event } from '../shared/event';
import type { PersonalDataDeclaration } from '../shared/personal-data';
import type { CsiFactor } from './csi-weights';
import type {
  ClockedWork,
  LabourOperation,
  PartLine,
  RepairOrderPayer,
  RepairOrderStage,
  RepairOrderType,
  TechnicianHours,
} from './repair-order.types';

type Id = { repairOrderId: string };
type Vehicle = { dealerId: string; vin: string; plate: string; customerId: string };

/** 服务预约: the repair order's stream starts with the appointment when there is one. */
export type AppointmentBooked = Event<
  'AppointmentBooked',
  Id &
    Vehicle & { requestedFor: string; serviceAdvisorId: string | null; note: string | null; bookedAt: string }
>;

/** 接车: the repair order is opened. `fromAppointment` feeds the appointment rate (预约率). */
export type VehicleCheckedIn = Event<
  'VehicleCheckedIn',
  Id &
    Vehicle & {
      mileageKm: number;
      customerDescription: string;
      serviceAdvisorId: string;
      checkedInAt: string;
      fromAppointment: boolean;
    }
>;

export type DiagnosisRecorded = Event<'DiagnosisRecorded', Id & { diagnosis: string; diagnosedAt: string }>;

/** 开具委托书: the customer authorised the work order and its estimate. */
export type WorkOrderAuthorised = Event<
  'WorkOrderAuthorised',
  Id & {
    labour: readonly LabourOperation[];
    parts: readonly PartLine[];
    estimateFen: number;
    authorisedAt: string;
  }
>;

export type RepairOrderMarkedAsRework = Event<
  'RepairOrderMarkedAsRework',
  Id & {
    dealerId: string;
    reason: string;
    /** True when the decider recognised it from the vehicle's service history. */
    automatic: boolean;
    previousRepairOrderId: string | null;
    markedAt: string;
  }
>;

export type RepairWorkStarted = Event<'RepairWorkStarted', Id & { startedAt: string }>;

export type RepairWorkCompleted = Event<
  'RepairWorkCompleted',
  Id & { clocked: readonly ClockedWork[]; completedAt: string }
>;

export type RepairInspectionPassed = Event<
  'RepairInspectionPassed',
  Id & { inspectorId: string; inspectedAt: string }
>;

/** 质量检验 failed: the repair order goes back to repair. */
export type RepairInspectionFailed = Event<
  'RepairInspectionFailed',
  Id & { inspectorId: string; findings: string; inspectedAt: string }
>;

export type RepairOrderDelivered = Event<'RepairOrderDelivered', Id & { deliveredAt: string }>;

/**
 * 结算. Carries what the workshop KPIs and the service history need, so those read models are built from
 * this one event: type and payer, amounts, hours per technician, the operations, and the callback's due time.
 */
export type RepairOrderSettled = Event<
  'RepairOrderSettled',
  Id &
    Vehicle & {
      roType: RepairOrderType;
      payer: RepairOrderPayer;
      labourFen: number;
      partsFen: number;
      totalFen: number;
      mileageKm: number;
      checkedInAt: string;
      fromAppointment: boolean;
      rework: boolean;
      operationCodes: readonly string[];
      technicians: readonly TechnicianHours[];
      settledAt: string;
      callbackDueAt: string;
    }
>;

export type RepairOrderCancelled = Event<
  'RepairOrderCancelled',
  Id & { dealerId: string; reason: string; stage: RepairOrderStage; cancelledAt: string }
>;

/** The 3-day callback reached the customer and brought a CSI survey; it completes the callback. */
export type CsiSurveyRecorded = Event<
  'CsiSurveyRecorded',
  Id & {
    dealerId: string;
    vin: string;
    answers: Readonly<Record<CsiFactor, number>>;
    wouldRecommend: number;
    comment: string | null;
    weightSetVersion: string;
    weights: Readonly<Record<CsiFactor, number>>;
    settledAt: string;
    callbackDueAt: string;
    onTime: boolean;
    surveyedAt: string;
    /** Coded unhappy reasons (docs/care.md); absent on events recorded before they existed. */
    unhappyReasons?: readonly string[];
    reasonCatalogueVersion?: string | null;
    /** The vehicle's customer; absent on events recorded before care follow-ups needed it. */
    customerId?: string;
  }
>;

export type RepairOrderEvent =
  | AppointmentBooked
  | VehicleCheckedIn
  | DiagnosisRecorded
  | WorkOrderAuthorised
  | RepairOrderMarkedAsRework
  | RepairWorkStarted
  | RepairWorkCompleted
  | RepairInspectionPassed
  | RepairInspectionFailed
  | RepairOrderDelivered
  | RepairOrderSettled
  | RepairOrderCancelled
  | CsiSurveyRecorded;

/** Stable type names and their current schema versions; never derived from class names. */
export const REPAIR_ORDER_EVENT_TYPES = {
  AppointmentBooked: 2,
  VehicleCheckedIn: 2,
  DiagnosisRecorded: 1,
  WorkOrderAuthorised: 1,
  RepairOrderMarkedAsRework: 1,
  RepairWorkStarted: 1,
  RepairWorkCompleted: 1,
  RepairInspectionPassed: 1,
  RepairInspectionFailed: 1,
  RepairOrderDelivered: 1,
  RepairOrderSettled: 2,
  RepairOrderCancelled: 1,
  CsiSurveyRecorded: 1,
} as const satisfies Record<RepairOrderEvent['type'], number>;

/**
 * Personal data per event type, encrypted with the subject's key when stored (docs/privacy.md). Version 2
 * of these types is the first with protected values; v1 events are upcast with their values tagged.
 */
export const REPAIR_ORDER_PERSONAL_DATA = {
  AppointmentBooked: { subject: 'customerId', fields: { plate: 'plate' }, since: 2 },
  VehicleCheckedIn: { subject: 'customerId', fields: { plate: 'plate' }, since: 2 },
  RepairOrderSettled: { subject: 'customerId', fields: { plate: 'plate' }, since: 2 },
} as const satisfies Partial<Record<RepairOrderEvent['type'], PersonalDataDeclaration>>;
