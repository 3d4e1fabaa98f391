import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AuthoriseWorkOrderCommand,
  ExecuteRepairOrderCommand,
  type PlainRepairOrderCommand,
} from '../../../application/repair-order/repair-order.commands';
import type { Command } from '../../../domain/shared/event';
import { commandRoutes } from '../shared/command-routes';
import { commandTarget, type CommandTarget } from '../shared/command-sender';
import { EmptyCommandBody } from '../shared/command.bodies';
import { routeTable } from '../shared/route-table';
import {
  AuthoriseWorkOrderDto,
  BookAppointmentDto,
  CancelRepairOrderDto,
  CheckInVehicleDto,
  CompleteWorkDto,
  MarkAsReworkDto,
  OpenRepairOrderDto,
  RecordCsiSurveyDto,
  RecordDiagnosisDto,
  RecordInspectionDto,
  SettleRepairOrderDto,
} from './repair-order.bodies';

const REPAIR_ORDER = commandTarget<PlainRepairOrderCommand>()(
  'repairorder',
  'repairOrderId',
  ExecuteRepairOrderCommand,
);
const ROUTES = { notFound: 'REPAIR_ORDER_NOT_FOUND', collection: '/repair-orders' };
const { opens, step } = commandRoutes(REPAIR_ORDER, ROUTES);

/** The authorisation has its own bus message: its handler adds the vehicle's earlier settled orders. */
type Authorisation = Command<'AuthoriseWorkOrder', AuthoriseWorkOrderCommand['data']>;
const WORK_ORDER: CommandTarget<Authorisation, 'repairOrderId'> = {
  category: 'repairorder',
  idField: 'repairOrderId',
  toBus: ({ data }, context) => new AuthoriseWorkOrderCommand(data, context),
};
const workOrder = commandRoutes(WORK_ORDER, ROUTES);

const ALREADY_OPENED = 'REPAIR_ORDER_ALREADY_OPENED: the id is taken';
const NEGATIVE = 'REPAIR_ORDER_NEGATIVE_AMOUNT';
const CANCELLED = 'REPAIR_ORDER_CANCELLED';
const STAGE = 'REPAIR_ORDER_STAGE_FORBIDS';

/** From appointment to the CSI survey of the 3-day callback: one route per step of the service process. */
@ApiTags('repair orders')
@Controller('repair-orders')
export class RepairOrderCommandsController extends routeTable({
  book: opens('appointments', 'BookAppointment', BookAppointmentDto, 'repair.work', {
    summary: 'Book a service appointment (服务预约)',
    description:
      'Opens the repair order stream in the booked stage; checking the vehicle in on the same id links the two.',
    conflicts: ALREADY_OPENED,
  }),
  open: opens('', 'OpenRepairOrder', OpenRepairOrderDto, 'repair.work', {
    summary: 'Check in a walk-in vehicle (接车): opens a repair order',
    refusals: `${NEGATIVE}, ${CANCELLED}`,
    description: 'Mileage, the customer’s own description and the service advisor.',
    conflicts: ALREADY_OPENED,
  }),
  checkIn: step('check-in', 'CheckInVehicle', CheckInVehicleDto, 'repair.work', {
    summary: 'Check in the vehicle of a booked appointment (接车)',
    refusals: `REPAIR_ORDER_VEHICLE_MISMATCH, ${NEGATIVE}, ${CANCELLED}`,
    conflicts: 'REPAIR_ORDER_ALREADY_OPENED: the vehicle was already checked in',
    description:
      'The repair order counts as opened from an appointment (预约率). An id never booked is a 404: a walk-in is opened with POST /repair-orders.',
  }),
  diagnose: step('diagnosis', 'RecordDiagnosis', RecordDiagnosisDto, 'repair.work', {
    summary: 'Record the pre-inspection and diagnosis (预检诊断)',
    refusals: `${STAGE}, ${CANCELLED}`,
  }),
  authorise: workOrder.step('authorise', 'AuthoriseWorkOrder', AuthoriseWorkOrderDto, 'repair.work', {
    summary: 'Record the customer authorising the work order and estimate (开具委托书)',
    refusals: `${NEGATIVE}, REPAIR_ORDER_EMPTY_WORK_ORDER, ${STAGE}, ${CANCELLED}`,
    description:
      'Marks the order as rework by itself when the vehicle had the same labour operation settled at this dealer in the last 30 days.',
  }),
  markRework: step('rework', 'MarkAsRework', MarkAsReworkDto, 'repair.work', {
    summary: 'Mark the repair order as rework by hand (返修), with a reason',
    refusals: `REPAIR_ORDER_ALREADY_REWORK, REPAIR_ORDER_SETTLED, ${CANCELLED}`,
  }),
  startWork: step('start-work', 'StartWork', EmptyCommandBody, 'repair.work', {
    summary: 'Start the repair (专业维修)',
    refusals: `REPAIR_ORDER_WORK_NOT_AUTHORISED, ${STAGE}, ${CANCELLED}`,
  }),
  completeWork: step('complete-work', 'CompleteWork', CompleteWorkDto, 'repair.work', {
    summary: 'Complete the repair with the hours each technician clocked per operation',
    refusals: `REPAIR_ORDER_WORK_NOT_AUTHORISED, ${NEGATIVE}, REPAIR_ORDER_UNKNOWN_OPERATION, ${STAGE}`,
  }),
  inspect: step('inspection', 'RecordInspection', RecordInspectionDto, 'repair.work', {
    summary: 'Record the quality inspection (质量检验); a failure sends the order back to repair',
    refusals: `${STAGE}, ${CANCELLED}`,
  }),
  deliver: step('deliver', 'DeliverVehicle', EmptyCommandBody, 'repair.work', {
    summary: 'Deliver the vehicle to the customer (交车)',
    refusals: `REPAIR_ORDER_INSPECTION_NOT_PASSED, ${STAGE}, ${CANCELLED}`,
  }),
  settle: step('settle', 'SettleRepairOrder', SettleRepairOrderDto, 'repair.work', {
    summary: 'Settle the repair order (结算): amounts, type and payer; schedules the 3-day callback',
    refusals: `${CANCELLED}, ${NEGATIVE}, REPAIR_ORDER_NOT_DELIVERED, REPAIR_ORDER_SETTLED`,
  }),
  cancel: step('cancel', 'CancelRepairOrder', CancelRepairOrderDto, 'repair.work', {
    summary: 'Cancel the repair order or appointment, with a reason',
    refusals: `REPAIR_ORDER_SETTLED, ${CANCELLED}`,
  }),
  survey: step('csi-survey', 'RecordCsiSurvey', RecordCsiSurveyDto, 'repair.survey', {
    summary: 'Record the CSI survey the 3-day callback brought (服务回访); completes the callback',
    refusals: `REPAIR_ORDER_SURVEY_ALREADY_RECORDED, REPAIR_ORDER_SURVEY_ANSWER_OUT_OF_RANGE, SURVEY_REASON_UNKNOWN, ${STAGE}`,
  }),
}) {}
