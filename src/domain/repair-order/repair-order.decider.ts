import { codedReasons } from '../shared/unhappy-reasons';
import type { Decider } from '../shared/event';
import { addHours } from '../shared/time';
import { CSI_FACTORS } from './csi-weights';
import type * as C from './repair-order.commands';
import {
  RepairOrderAlreadyOpened,
  RepairOrderNotFound,
  alreadyRework,
  emptyWorkOrder,
  inspectionNotPassed,
  notDelivered,
  repairOrderCancelled,
  repairOrderSettled,
  surveyAlreadyRecorded,
  surveyAnswerOutOfRange,
  unknownOperation,
  vehicleMismatch,
  workNotAuthorised,
  wrongStage,
} from './repair-order.errors';
import type { RepairOrderEvent } from './repair-order.events';
import { detectRework, refuseNegative, technicianHours } from './repair-order.rules';
import { type OpenedRepairOrder, type RepairOrderState, evolveRepairOrder } from './repair-order.state';
import { DEFAULT_SERVICE_POLICY, type ServicePolicy } from './service-policy';

export type { RepairOrderState } from './repair-order.state';

/** Stages before the customer authorised the work order: no work may happen in them. */
const BEFORE_AUTHORISATION = ['checked-in', 'diagnosed'] as const;
const isBeforeAuthorisation = (stage: string): boolean =>
  (BEFORE_AUTHORISATION as readonly string[]).includes(stage);

const book = (command: C.BookAppointment, state: RepairOrderState): RepairOrderEvent[] => {
  if (state.status !== 'none') throw new RepairOrderAlreadyOpened(command.data.repairOrderId, state.status);
  const { data, metadata } = command;
  return [
    {
      type: 'AppointmentBooked',
      data: {
        repairOrderId: data.repairOrderId,
        dealerId: data.dealerId,
        vin: data.vin,
        plate: data.plate,
        customerId: data.customerId,
        requestedFor: data.requestedFor,
        serviceAdvisorId: data.serviceAdvisorId ?? null,
        note: data.note ?? null,
        bookedAt: metadata.now,
      },
    },
  ];
};

const checkIn = (
  command: C.OpenRepairOrder | C.CheckInVehicle,
  state: RepairOrderState,
): RepairOrderEvent[] => {
  const { data, metadata } = command;
  if (state.status === 'cancelled') throw repairOrderCancelled(data.repairOrderId);
  if (state.status !== 'none' && state.status !== 'booked')
    throw new RepairOrderAlreadyOpened(data.repairOrderId, state.status);
  if (state.status === 'booked' && state.vin !== data.vin)
    throw vehicleMismatch(data.repairOrderId, state.vin, data.vin);
  refuseNegative(data.repairOrderId, [['mileageKm', data.mileageKm]]);
  return [
    {
      type: 'VehicleCheckedIn',
      data: {
        repairOrderId: data.repairOrderId,
        // An appointment's dealer holds: the vehicle arrives where it was booked.
        dealerId: state.status === 'booked' ? state.dealerId : data.dealerId,
        vin: data.vin,
        plate: data.plate,
        customerId: data.customerId,
        mileageKm: data.mileageKm,
        customerDescription: data.customerDescription,
        serviceAdvisorId: data.serviceAdvisorId,
        checkedInAt: metadata.now,
        fromAppointment: state.status === 'booked',
      },
    },
  ];
};

const onOpened = (
  command: Exclude<C.RepairOrderCommand, C.BookAppointment | C.OpenRepairOrder | C.CheckInVehicle>,
  state: OpenedRepairOrder,
  policy: ServicePolicy,
): RepairOrderEvent[] => {
  const { repairOrderId } = state;
  const now = command.metadata.now;
  if (state.status === 'settled' && command.type !== 'RecordCsiSurvey') {
    throw repairOrderSettled(repairOrderId, command.type);
  }
  switch (command.type) {
    case 'RecordDiagnosis':
      if (!isBeforeAuthorisation(state.status)) {
        throw wrongStage(repairOrderId, state.status, BEFORE_AUTHORISATION, 'a diagnosis');
      }
      return [
        {
          type: 'DiagnosisRecorded',
          data: { repairOrderId, diagnosis: command.data.diagnosis, diagnosedAt: now },
        },
      ];
    case 'AuthoriseWorkOrder': {
      const { labour, parts, estimateFen, earlierSettled } = command.data;
      if (!isBeforeAuthorisation(state.status)) {
        throw wrongStage(repairOrderId, state.status, BEFORE_AUTHORISATION, 'authorising the work order');
      }
      if (labour.length === 0) throw emptyWorkOrder(repairOrderId);
      refuseNegative(repairOrderId, [
        ['estimateFen', estimateFen],
        ...labour.map((operation, i) => [`labour[${i}].standardHours`, operation.standardHours] as const),
        ...parts.flatMap((part, i) => [
          [`parts[${i}].quantity`, part.quantity] as const,
          [`parts[${i}].unitPriceFen`, part.unitPriceFen] as const,
        ]),
      ]);
      const rework = detectRework(state, labour, earlierSettled, policy.reworkWindowDays, now);
      return [
        {
          type: 'WorkOrderAuthorised',
          data: { repairOrderId, labour, parts, estimateFen, authorisedAt: now },
        },
        ...(rework ? [rework] : []),
      ];
    }
    case 'MarkAsRework':
      if (state.rework) throw alreadyRework(repairOrderId);
      return [
        {
          type: 'RepairOrderMarkedAsRework',
          data: {
            repairOrderId,
            dealerId: state.dealerId,
            reason: command.data.reason,
            automatic: false,
            previousRepairOrderId: command.data.previousRepairOrderId ?? null,
            markedAt: now,
          },
        },
      ];
    case 'StartWork':
      if (isBeforeAuthorisation(state.status)) throw workNotAuthorised(repairOrderId, state.status);
      if (state.status !== 'authorised')
        throw wrongStage(repairOrderId, state.status, ['authorised'], 'starting work');
      return [{ type: 'RepairWorkStarted', data: { repairOrderId, startedAt: now } }];
    case 'CompleteWork': {
      if (isBeforeAuthorisation(state.status)) throw workNotAuthorised(repairOrderId, state.status);
      if (state.status !== 'in-repair')
        throw wrongStage(repairOrderId, state.status, ['in-repair'], 'completing work');
      const { clocked } = command.data;
      refuseNegative(
        repairOrderId,
        clocked.map((work, i) => [`clocked[${i}].actualHours`, work.actualHours] as const),
      );
      const unknown = clocked.find(
        (work) => !state.labour.some((op) => op.operationCode === work.operationCode),
      );
      if (unknown) throw unknownOperation(repairOrderId, unknown.operationCode);
      return [{ type: 'RepairWorkCompleted', data: { repairOrderId, clocked, completedAt: now } }];
    }
    case 'RecordInspection': {
      if (state.status !== 'work-completed') {
        throw wrongStage(repairOrderId, state.status, ['work-completed'], 'a quality inspection');
      }
      const { passed, inspectorId, findings } = command.data;
      return [
        passed
          ? { type: 'RepairInspectionPassed', data: { repairOrderId, inspectorId, inspectedAt: now } }
          : {
              type: 'RepairInspectionFailed',
              data: { repairOrderId, inspectorId, findings: findings ?? 'not given', inspectedAt: now },
            },
      ];
    }
    case 'DeliverVehicle':
      if (state.status === 'delivered')
        throw wrongStage(repairOrderId, state.status, ['inspection-passed'], 'delivery');
      if (state.status !== 'inspection-passed') throw inspectionNotPassed(repairOrderId, state.status);
      return [{ type: 'RepairOrderDelivered', data: { repairOrderId, deliveredAt: now } }];
    case 'SettleRepairOrder': {
      const { roType, payer, labourFen, partsFen } = command.data;
      refuseNegative(repairOrderId, [
        ['labourFen', labourFen],
        ['partsFen', partsFen],
      ]);
      if (state.status !== 'delivered') throw notDelivered(repairOrderId, state.status);
      return [
        {
          type: 'RepairOrderSettled',
          data: {
            repairOrderId,
            dealerId: state.dealerId,
            vin: state.vin,
            plate: state.plate,
            customerId: state.customerId,
            roType,
            payer,
            labourFen,
            partsFen,
            totalFen: labourFen + partsFen,
            mileageKm: state.mileageKm,
            checkedInAt: state.checkedInAt,
            fromAppointment: state.fromAppointment,
            rework: state.rework,
            operationCodes: state.labour.map((operation) => operation.operationCode),
            technicians: technicianHours(state.labour, state.clocked),
            settledAt: now,
            callbackDueAt: addHours(now, policy.callbackAfterHours),
          },
        },
      ];
    }
    case 'CancelRepairOrder':
      return [
        {
          type: 'RepairOrderCancelled',
          data: {
            repairOrderId,
            dealerId: state.dealerId,
            reason: command.data.reason,
            stage: state.status,
            cancelledAt: now,
          },
        },
      ];
    case 'RecordCsiSurvey': {
      if (state.status !== 'settled' || !state.settledAt || !state.callbackDueAt) {
        throw wrongStage(repairOrderId, state.status, ['settled'], 'a CSI survey');
      }
      if (state.surveyed) throw surveyAlreadyRecorded(repairOrderId);
      const { answers, wouldRecommend, comment } = command.data;
      for (const factor of CSI_FACTORS) {
        const answer = answers[factor];
        if (!(answer >= 1 && answer <= 10))
          throw surveyAnswerOutOfRange(repairOrderId, factor, answer, '1 to 10');
      }
      if (!(wouldRecommend >= 0 && wouldRecommend <= 10)) {
        throw surveyAnswerOutOfRange(repairOrderId, 'wouldRecommend', wouldRecommend, '0 to 10');
      }
      const weightSet = policy.csiWeightSet;
      const coded = codedReasons('csi', command.data.unhappyReasons);
      return [
        {
          type: 'CsiSurveyRecorded',
          data: {
            repairOrderId,
            dealerId: state.dealerId,
            vin: state.vin,
            answers,
            wouldRecommend,
            comment: comment ?? null,
            weightSetVersion: weightSet.version,
            weights: weightSet.weights,
            settledAt: state.settledAt,
            callbackDueAt: state.callbackDueAt,
            onTime: Date.parse(now) <= Date.parse(state.callbackDueAt),
            surveyedAt: now,
            ...coded,
            customerId: state.customerId,
          },
        },
      ];
    }
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
};

/** The repair order from appointment to the post-service callback. The policy is a parameter. */
export const createRepairOrderDecider = (
  policy: ServicePolicy = DEFAULT_SERVICE_POLICY,
): Decider<RepairOrderState, C.RepairOrderCommand, RepairOrderEvent> => ({
  initialState: () => ({ status: 'none' }),
  evolve: evolveRepairOrder,
  decide: (command, state) => {
    if (command.type === 'BookAppointment') return book(command, state);
    if (command.type === 'OpenRepairOrder') return checkIn(command, state);
    // A check-in is for a booked appointment; a walk-in is opened, so a check-in never creates an order.
    if (command.type === 'CheckInVehicle' && state.status === 'none')
      throw new RepairOrderNotFound(command.data.repairOrderId);
    if (command.type === 'CheckInVehicle') return checkIn(command, state);
    if (state.status === 'none') throw new RepairOrderNotFound(command.data.repairOrderId);
    if (state.status === 'cancelled') throw repairOrderCancelled(state.repairOrderId);
    if (state.status === 'booked') {
      // Only check-in (handled above) and cancellation act on a booked appointment.
      if (command.type === 'StartWork' || command.type === 'CompleteWork') {
        throw workNotAuthorised(state.repairOrderId, 'booked');
      }
      if (command.type !== 'CancelRepairOrder')
        throw wrongStage(state.repairOrderId, 'booked', ['checked-in'], command.type);
      return [
        {
          type: 'RepairOrderCancelled',
          data: {
            repairOrderId: state.repairOrderId,
            dealerId: state.dealerId,
            reason: command.data.reason,
            stage: 'booked',
            cancelledAt: command.metadata.now,
          },
        },
      ];
    }
    return onOpened(command, state, policy);
  },
});

export const repairOrderStreamId = (repairOrderId: string): string => `repairorder-${repairOrderId}`;
