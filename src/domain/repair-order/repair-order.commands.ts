import type { Command } from '../shared/event';
import type { CsiFactor } from './csi-weights';
import type {
  ClockedWork,
  EarlierSettledRepairOrder,
  LabourOperation,
  PartLine,
  RepairOrderPayer,
  RepairOrderType,
} from './repair-order.types';

type Id = { repairOrderId: string };
type Vehicle = { dealerId: string; vin: string; plate: string; customerId: string };

export type BookAppointment = Command<
  'BookAppointment',
  Id & Vehicle & { requestedFor: string; serviceAdvisorId?: string; note?: string }
>;
type AtTheDesk = Id & Vehicle & { mileageKm: number; customerDescription: string; serviceAdvisorId: string };
/** Opens a repair order for a vehicle at the desk: a walk-in, or the vehicle of the appointment booked on the id. */
export type OpenRepairOrder = Command<'OpenRepairOrder', AtTheDesk>;
/** Checks in the vehicle of a booked appointment (the vehicle fields must match); never opens a new order. */
export type CheckInVehicle = Command<'CheckInVehicle', AtTheDesk>;
export type RecordDiagnosis = Command<'RecordDiagnosis', Id & { diagnosis: string }>;
export type AuthoriseWorkOrder = Command<
  'AuthoriseWorkOrder',
  Id & {
    labour: readonly LabourOperation[];
    parts: readonly PartLine[];
    estimateFen: number;
    /** Filled by the handler from the service history, never by the client. */
    earlierSettled: readonly EarlierSettledRepairOrder[];
  }
>;
export type MarkAsRework = Command<'MarkAsRework', Id & { reason: string; previousRepairOrderId?: string }>;
export type StartWork = Command<'StartWork', Id>;
export type CompleteWork = Command<'CompleteWork', Id & { clocked: readonly ClockedWork[] }>;
export type RecordInspection = Command<
  'RecordInspection',
  Id & { passed: boolean; inspectorId: string; findings?: string }
>;
export type DeliverVehicle = Command<'DeliverVehicle', Id>;
export type SettleRepairOrder = Command<
  'SettleRepairOrder',
  Id & { roType: RepairOrderType; payer: RepairOrderPayer; labourFen: number; partsFen: number }
>;
export type CancelRepairOrder = Command<'CancelRepairOrder', Id & { reason: string }>;
export type RecordCsiSurvey = Command<
  'RecordCsiSurvey',
  Id & {
    answers: Readonly<Record<CsiFactor, number>>;
    wouldRecommend: number;
    comment?: string;
    unhappyReasons?: readonly string[];
  }
>;

export type RepairOrderCommand =
  | BookAppointment
  | OpenRepairOrder
  | CheckInVehicle
  | RecordDiagnosis
  | AuthoriseWorkOrder
  | MarkAsRework
  | StartWork
  | CompleteWork
  | RecordInspection
  | DeliverVehicle
  | SettleRepairOrder
  | CancelRepairOrder
  | RecordCsiSurvey;
