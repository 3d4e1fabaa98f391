import type { CsiFactor } from '../../domain/repair-order/csi-weights';
import type { RepairOrderEvent } from '../../domain/repair-order/repair-order.events';
import type {
  ClockedWork,
  LabourOperation,
  PartLine,
  RepairOrderPayer,
  RepairOrderStage,
  RepairOrderType,
} from '../../domain/repair-order/repair-order.types';
import { businessMonthOf } from '../../domain/shared/time';
import type { Envelope, ProjectionDefinition } from '../shared/projection';

export type RepairOrderDetails = {
  repairOrderId: string;
  dealerId: string;
  vin: string;
  plate: string;
  customerId: string;
  status: RepairOrderStage;
  /** Booking or check-in time, whichever came first: the list's sort key. */
  createdAt: string;
  appointment: { requestedFor: string; bookedAt: string } | null;
  fromAppointment: boolean;
  serviceAdvisorId: string | null;
  mileageKm: number | null;
  customerDescription: string | null;
  checkedInAt: string | null;
  diagnosis: string | null;
  labour: LabourOperation[];
  parts: PartLine[];
  estimateFen: number | null;
  operationCodes: string[];
  rework: { reason: string; automatic: boolean; previousRepairOrderId: string | null } | null;
  clocked: ClockedWork[];
  inspections: { passed: boolean; inspectorId: string; findings: string | null; at: string }[];
  deliveredAt: string | null;
  roType: RepairOrderType | null;
  payer: RepairOrderPayer | null;
  labourFen: number | null;
  partsFen: number | null;
  totalFen: number | null;
  settledAt: string | null;
  /** Business month of settlement (China Standard Time), the KPIs' month. */
  settledMonth: string | null;
  /** The 3-day callback (服务回访); completed when the CSI survey is recorded. */
  callbackDueAt: string | null;
  callbackCompletedAt: string | null;
  csi: { answers: Record<CsiFactor, number>; wouldRecommend: number; weightSetVersion: string } | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** Revision of the repair order's stream: the ETag of this record. */
  revision: number;
  updatedAt: string;
};

type E = Envelope<RepairOrderEvent>;

const opened = (
  event: Extract<E, { type: 'AppointmentBooked' | 'VehicleCheckedIn' }>,
): RepairOrderDetails => ({
  repairOrderId: event.data.repairOrderId,
  dealerId: event.data.dealerId,
  vin: event.data.vin,
  plate: event.data.plate,
  customerId: event.data.customerId,
  status: 'booked',
  createdAt: event.occurredAt,
  appointment: null,
  fromAppointment: false,
  serviceAdvisorId: null,
  mileageKm: null,
  customerDescription: null,
  checkedInAt: null,
  diagnosis: null,
  labour: [],
  parts: [],
  estimateFen: null,
  operationCodes: [],
  rework: null,
  clocked: [],
  inspections: [],
  deliveredAt: null,
  roType: null,
  payer: null,
  labourFen: null,
  partsFen: null,
  totalFen: null,
  settledAt: null,
  settledMonth: null,
  callbackDueAt: null,
  callbackCompletedAt: null,
  csi: null,
  cancelledAt: null,
  cancelReason: null,
  revision: event.revision,
  updatedAt: event.occurredAt,
});

/** What each event changes. */
const facts = (doc: RepairOrderDetails, event: E): Partial<RepairOrderDetails> => {
  switch (event.type) {
    case 'AppointmentBooked':
      return {
        status: 'booked',
        appointment: { requestedFor: event.data.requestedFor, bookedAt: event.data.bookedAt },
        serviceAdvisorId: event.data.serviceAdvisorId,
      };
    case 'VehicleCheckedIn': {
      const { data } = event;
      return {
        status: 'checked-in',
        dealerId: data.dealerId,
        plate: data.plate,
        customerId: data.customerId,
        fromAppointment: data.fromAppointment,
        serviceAdvisorId: data.serviceAdvisorId,
        mileageKm: data.mileageKm,
        customerDescription: data.customerDescription,
        checkedInAt: data.checkedInAt,
      };
    }
    case 'DiagnosisRecorded':
      return { status: 'diagnosed', diagnosis: event.data.diagnosis };
    case 'WorkOrderAuthorised':
      return {
        status: 'authorised',
        labour: [...event.data.labour],
        parts: [...event.data.parts],
        estimateFen: event.data.estimateFen,
        operationCodes: event.data.labour.map((operation) => operation.operationCode),
      };
    case 'RepairOrderMarkedAsRework': {
      const { reason, automatic, previousRepairOrderId } = event.data;
      return { rework: { reason, automatic, previousRepairOrderId } };
    }
    case 'RepairWorkStarted':
      return { status: 'in-repair' };
    case 'RepairWorkCompleted':
      return { status: 'work-completed', clocked: [...doc.clocked, ...event.data.clocked] };
    case 'RepairInspectionPassed':
    case 'RepairInspectionFailed':
      return {
        status: event.type === 'RepairInspectionPassed' ? 'inspection-passed' : 'in-repair',
        inspections: [
          ...doc.inspections,
          {
            passed: event.type === 'RepairInspectionPassed',
            inspectorId: event.data.inspectorId,
            findings: event.type === 'RepairInspectionFailed' ? event.data.findings : null,
            at: event.data.inspectedAt,
          },
        ],
      };
    case 'RepairOrderDelivered':
      return { status: 'delivered', deliveredAt: event.data.deliveredAt };
    case 'RepairOrderSettled': {
      const { data } = event;
      return {
        status: 'settled',
        roType: data.roType,
        payer: data.payer,
        labourFen: data.labourFen,
        partsFen: data.partsFen,
        totalFen: data.totalFen,
        settledAt: data.settledAt,
        settledMonth: businessMonthOf(data.settledAt),
        callbackDueAt: data.callbackDueAt,
      };
    }
    case 'RepairOrderCancelled':
      return { status: 'cancelled', cancelledAt: event.data.cancelledAt, cancelReason: event.data.reason };
    case 'CsiSurveyRecorded': {
      const { answers, wouldRecommend, weightSetVersion, surveyedAt } = event.data;
      return { callbackCompletedAt: surveyedAt, csi: { answers, wouldRecommend, weightSetVersion } };
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};

/**
 * One document per repair order: details and lists for integrators, the vehicle's service history (by VIN),
 * the callback list, and the earlier settled orders the rework rule looks at.
 */
export const repairOrderDetailsProjection: ProjectionDefinition<RepairOrderEvent, RepairOrderDetails> = {
  name: 'repair-order-details',
  version: 1,
  collection: 'repair_orders',
  indexes: [
    ['dealerId', 'createdAt'],
    ['vin', 'createdAt'],
    ['dealerId', 'vin', 'status'],
    ['dealerId', 'status', 'callbackDueAt'],
    ['createdAt'],
    // The customer's file (GET /customers/:customerId).
    ['customerId'],
  ],
  handles: [
    'AppointmentBooked',
    'VehicleCheckedIn',
    'DiagnosisRecorded',
    'WorkOrderAuthorised',
    'RepairOrderMarkedAsRework',
    'RepairWorkStarted',
    'RepairWorkCompleted',
    'RepairInspectionPassed',
    'RepairInspectionFailed',
    'RepairOrderDelivered',
    'RepairOrderSettled',
    'RepairOrderCancelled',
    'CsiSurveyRecorded',
  ],
  documentIds: (event) => [event.data.repairOrderId],
  apply: (doc, event) => {
    const current =
      doc ?? (event.type === 'AppointmentBooked' || event.type === 'VehicleCheckedIn' ? opened(event) : null);
    if (!current)
      throw new Error(`repair order ${event.data.repairOrderId}: ${event.type} before it was opened`);
    return { ...current, ...facts(current, event), revision: event.revision, updatedAt: event.occurredAt };
  },
};
