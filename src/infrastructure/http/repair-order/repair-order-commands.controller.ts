import { Body, Controller, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import {
  AuthoriseWorkOrderCommand,
  ExecuteRepairOrderCommand,
  type PlainRepairOrderCommand,
} from '../../../application/repair-order/repair-order.commands';
import type { Command } from '../../../domain/shared/event';
import { OpensRecord, stepRoutes } from '../shared/command-route';
import { commandTarget, type CommandTarget, Commands, type CommandsOf } from '../shared/command-sender';
import { EmptyCommandBody } from '../shared/command.bodies';
import { Permit } from '../shared/permission.decorator';
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
type RepairOrder = CommandsOf<typeof REPAIR_ORDER>;

/** The authorisation has its own bus message: its handler adds the vehicle's earlier settled orders. */
type Authorisation = Command<'AuthoriseWorkOrder', AuthoriseWorkOrderCommand['data']>;
const WORK_ORDER: CommandTarget<Authorisation, 'repairOrderId'> = {
  category: 'repairorder',
  idField: 'repairOrderId',
  toBus: ({ data }, context) => new AuthoriseWorkOrderCommand(data, context),
};
type WorkOrder = CommandsOf<typeof WORK_ORDER>;

const Step = stepRoutes(REPAIR_ORDER, 'REPAIR_ORDER_NOT_FOUND');
const ALREADY_OPENED = ApiConflictResponse({ description: 'REPAIR_ORDER_ALREADY_OPENED: the id is taken' });
const NEGATIVE = 'REPAIR_ORDER_NEGATIVE_AMOUNT';
const CANCELLED = 'REPAIR_ORDER_CANCELLED';
const STAGE = 'REPAIR_ORDER_STAGE_FORBIDS';

/** From appointment to the CSI survey of the 3-day callback: one route per step of the service process. */
@ApiTags('repair orders')
@Controller('repair-orders')
export class RepairOrderCommandsController {
  @Post('appointments')
  @Permit('repair.work')
  @OpensRecord(
    '/repair-orders',
    'Book a service appointment (服务预约)',
    undefined,
    'Opens the repair order stream in the booked stage; checking the vehicle in on the same id links the two.',
  )
  @ALREADY_OPENED
  book(@Body() body: BookAppointmentDto, @Commands(REPAIR_ORDER) order: RepairOrder) {
    return order.create(body.repairOrderId, 'BookAppointment', body);
  }

  @Post()
  @Permit('repair.work')
  @OpensRecord(
    '/repair-orders',
    'Check in a walk-in vehicle (接车): opens a repair order',
    `${NEGATIVE}, ${CANCELLED}`,
    'Mileage, the customer’s own description and the service advisor.',
  )
  @ALREADY_OPENED
  open(@Body() body: OpenRepairOrderDto, @Commands(REPAIR_ORDER) order: RepairOrder) {
    return order.create(body.repairOrderId, 'OpenRepairOrder', body);
  }

  @Post(':repairOrderId/check-in')
  @Permit('repair.work')
  @Step(
    'Check in the vehicle of a booked appointment (接车)',
    `REPAIR_ORDER_VEHICLE_MISMATCH, ${NEGATIVE}, ${CANCELLED}`,
    'The repair order counts as opened from an appointment (预约率). An id never booked is a 404: a walk-in is opened with POST /repair-orders.',
  )
  checkIn(@Body() body: CheckInVehicleDto, @Commands(REPAIR_ORDER) order: RepairOrder) {
    return order.send('CheckInVehicle', body);
  }

  @Post(':repairOrderId/diagnosis')
  @Permit('repair.work')
  @Step('Record the pre-inspection and diagnosis (预检诊断)', `${STAGE}, ${CANCELLED}`)
  diagnose(@Body() body: RecordDiagnosisDto, @Commands(REPAIR_ORDER) order: RepairOrder) {
    return order.send('RecordDiagnosis', body);
  }

  @Post(':repairOrderId/authorise')
  @Permit('repair.work')
  @Step(
    'Record the customer authorising the work order and estimate (开具委托书)',
    `${NEGATIVE}, REPAIR_ORDER_EMPTY_WORK_ORDER, ${STAGE}, ${CANCELLED}`,
    'Marks the order as rework by itself when the vehicle had the same labour operation settled at this dealer in the last 30 days.',
  )
  authorise(@Body() body: AuthoriseWorkOrderDto, @Commands(WORK_ORDER) order: WorkOrder) {
    return order.send('AuthoriseWorkOrder', body);
  }

  @Post(':repairOrderId/rework')
  @Permit('repair.work')
  @Step(
    'Mark the repair order as rework by hand (返修), with a reason',
    `REPAIR_ORDER_ALREADY_REWORK, REPAIR_ORDER_SETTLED, ${CANCELLED}`,
  )
  markRework(@Body() body: MarkAsReworkDto, @Commands(REPAIR_ORDER) order: RepairOrder) {
    return order.send('MarkAsRework', body);
  }

  @Post(':repairOrderId/start-work')
  @Permit('repair.work')
  @Step('Start the repair (专业维修)', `REPAIR_ORDER_WORK_NOT_AUTHORISED, ${STAGE}, ${CANCELLED}`)
  startWork(@Body() body: EmptyCommandBody, @Commands(REPAIR_ORDER) order: RepairOrder) {
    return order.send('StartWork', body);
  }

  @Post(':repairOrderId/complete-work')
  @Permit('repair.work')
  @Step(
    'Complete the repair with the hours each technician clocked per operation',
    `REPAIR_ORDER_WORK_NOT_AUTHORISED, ${NEGATIVE}, REPAIR_ORDER_UNKNOWN_OPERATION, ${STAGE}`,
  )
  completeWork(@Body() body: CompleteWorkDto, @Commands(REPAIR_ORDER) order: RepairOrder) {
    return order.send('CompleteWork', body);
  }

  @Post(':repairOrderId/inspection')
  @Permit('repair.work')
  @Step(
    'Record the quality inspection (质量检验); a failure sends the order back to repair',
    `${STAGE}, ${CANCELLED}`,
  )
  inspect(@Body() body: RecordInspectionDto, @Commands(REPAIR_ORDER) order: RepairOrder) {
    return order.send('RecordInspection', body);
  }

  @Post(':repairOrderId/deliver')
  @Permit('repair.work')
  @Step(
    'Deliver the vehicle to the customer (交车)',
    `REPAIR_ORDER_INSPECTION_NOT_PASSED, ${STAGE}, ${CANCELLED}`,
  )
  deliver(@Body() body: EmptyCommandBody, @Commands(REPAIR_ORDER) order: RepairOrder) {
    return order.send('DeliverVehicle', body);
  }

  @Post(':repairOrderId/settle')
  @Permit('repair.work')
  @Step(
    'Settle the repair order (结算): amounts, type and payer; schedules the 3-day callback',
    `${CANCELLED}, ${NEGATIVE}, REPAIR_ORDER_NOT_DELIVERED, REPAIR_ORDER_SETTLED`,
  )
  settle(@Body() body: SettleRepairOrderDto, @Commands(REPAIR_ORDER) order: RepairOrder) {
    return order.send('SettleRepairOrder', body);
  }

  @Post(':repairOrderId/cancel')
  @Permit('repair.work')
  @Step('Cancel the repair order or appointment, with a reason', `REPAIR_ORDER_SETTLED, ${CANCELLED}`)
  cancel(@Body() body: CancelRepairOrderDto, @Commands(REPAIR_ORDER) order: RepairOrder) {
    return order.send('CancelRepairOrder', body);
  }

  @Post(':repairOrderId/csi-survey')
  @Permit('repair.survey')
  @Step(
    'Record the CSI survey the 3-day callback brought (服务回访); completes the callback',
    `REPAIR_ORDER_SURVEY_ALREADY_RECORDED, REPAIR_ORDER_SURVEY_ANSWER_OUT_OF_RANGE, ${STAGE}`,
  )
  survey(@Body() body: RecordCsiSurveyDto, @Commands(REPAIR_ORDER) order: RepairOrder) {
    return order.send('RecordCsiSurvey', body);
  }
}
