import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RecordIdPipe } from '../../infrastructure/http/shared/record-id.pipe';
import { BusinessTimeDto, CommandResultDto } from '../../infrastructure/http/shared/command.dto';
import { COMMAND_HEADERS } from '../../infrastructure/http/shared/http-replies';
import { type CommandReply, RepairOrderCommandSender } from './repair-order-command-sender';
import {
  CancelRepairOrderDto,
  CompleteWorkDto,
  MarkAsReworkDto,
  RecordCsiSurveyDto,
  RecordInspectionDto,
  SettleRepairOrderDto,
} from './repair-order-work.dto';
import { Permit } from '../../infrastructure/http/shared/permission.decorator';

const ID = new RecordIdPipe('repairOrderId');
const NEGATIVE = 'REPAIR_ORDER_NEGATIVE_AMOUNT';

/** From the repair to settlement and the callback survey: the workshop's and the cashier's side. */
@ApiTags('repair orders')
@Controller('repair-orders')
@COMMAND_HEADERS()
@ApiNotFoundResponse({ description: 'REPAIR_ORDER_NOT_FOUND' })
@ApiConflictResponse({ description: 'The stream moved on (WRONG_EXPECTED_REVISION)' })
export class RepairOrderWorkshopController {
  constructor(private readonly sender: RepairOrderCommandSender) {}

  @Post(':repairOrderId/rework')
  @Permit('repair.work')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark the repair order as rework by hand (返修), with a reason' })
  @ApiBody({ type: MarkAsReworkDto })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiUnprocessableEntityResponse({
    description: 'REPAIR_ORDER_ALREADY_REWORK, REPAIR_ORDER_SETTLED, REPAIR_ORDER_CANCELLED',
  })
  markRework(
    @Param('repairOrderId', ID) id: string,
    @Body() body: MarkAsReworkDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandReply> {
    const { occurredAt, ...data } = body;
    return this.sender.run(id, occurredAt, request, reply, {
      type: 'MarkAsRework',
      data: { ...data, repairOrderId: id },
    });
  }

  @Post(':repairOrderId/start-work')
  @Permit('repair.work')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start the repair (专业维修)' })
  @ApiBody({ type: BusinessTimeDto, examples: { now: { value: {} } } })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiUnprocessableEntityResponse({
    description: 'REPAIR_ORDER_WORK_NOT_AUTHORISED, REPAIR_ORDER_STAGE_FORBIDS, REPAIR_ORDER_CANCELLED',
  })
  startWork(
    @Param('repairOrderId', ID) id: string,
    @Body() body: BusinessTimeDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandReply> {
    return this.sender.run(id, body.occurredAt, request, reply, {
      type: 'StartWork',
      data: { repairOrderId: id },
    });
  }

  @Post(':repairOrderId/complete-work')
  @Permit('repair.work')
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete the repair with the hours each technician clocked per operation' })
  @ApiBody({ type: CompleteWorkDto })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiUnprocessableEntityResponse({
    description: `REPAIR_ORDER_WORK_NOT_AUTHORISED, ${NEGATIVE}, REPAIR_ORDER_UNKNOWN_OPERATION, REPAIR_ORDER_STAGE_FORBIDS`,
  })
  completeWork(
    @Param('repairOrderId', ID) id: string,
    @Body() body: CompleteWorkDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandReply> {
    const { occurredAt, ...data } = body;
    return this.sender.run(id, occurredAt, request, reply, {
      type: 'CompleteWork',
      data: { ...data, repairOrderId: id },
    });
  }

  @Post(':repairOrderId/inspection')
  @Permit('repair.work')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record the quality inspection (质量检验); a failure sends the order back to repair',
  })
  @ApiBody({ type: RecordInspectionDto })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiUnprocessableEntityResponse({ description: 'REPAIR_ORDER_STAGE_FORBIDS, REPAIR_ORDER_CANCELLED' })
  inspect(
    @Param('repairOrderId', ID) id: string,
    @Body() body: RecordInspectionDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandReply> {
    const { occurredAt, ...data } = body;
    return this.sender.run(id, occurredAt, request, reply, {
      type: 'RecordInspection',
      data: { ...data, repairOrderId: id },
    });
  }

  @Post(':repairOrderId/deliver')
  @Permit('repair.work')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deliver the vehicle to the customer (交车)' })
  @ApiBody({ type: BusinessTimeDto, examples: { now: { value: {} } } })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiUnprocessableEntityResponse({
    description: 'REPAIR_ORDER_INSPECTION_NOT_PASSED, REPAIR_ORDER_STAGE_FORBIDS, REPAIR_ORDER_CANCELLED',
  })
  deliver(
    @Param('repairOrderId', ID) id: string,
    @Body() body: BusinessTimeDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandReply> {
    return this.sender.run(id, body.occurredAt, request, reply, {
      type: 'DeliverVehicle',
      data: { repairOrderId: id },
    });
  }

  @Post(':repairOrderId/settle')
  @Permit('repair.work')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Settle the repair order (结算): amounts, type and payer; schedules the 3-day callback',
  })
  @ApiBody({ type: SettleRepairOrderDto })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiUnprocessableEntityResponse({
    description: `REPAIR_ORDER_CANCELLED, ${NEGATIVE}, REPAIR_ORDER_NOT_DELIVERED, REPAIR_ORDER_SETTLED`,
  })
  settle(
    @Param('repairOrderId', ID) id: string,
    @Body() body: SettleRepairOrderDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandReply> {
    const { occurredAt, ...data } = body;
    return this.sender.run(id, occurredAt, request, reply, {
      type: 'SettleRepairOrder',
      data: { ...data, repairOrderId: id },
    });
  }

  @Post(':repairOrderId/cancel')
  @Permit('repair.work')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel the repair order or appointment, with a reason' })
  @ApiBody({ type: CancelRepairOrderDto })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiUnprocessableEntityResponse({ description: 'REPAIR_ORDER_SETTLED, REPAIR_ORDER_CANCELLED' })
  cancel(
    @Param('repairOrderId', ID) id: string,
    @Body() body: CancelRepairOrderDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandReply> {
    const { occurredAt, ...data } = body;
    return this.sender.run(id, occurredAt, request, reply, {
      type: 'CancelRepairOrder',
      data: { ...data, repairOrderId: id },
    });
  }

  @Post(':repairOrderId/csi-survey')
  @Permit('repair.survey')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record the CSI survey the 3-day callback brought (服务回访); completes the callback',
  })
  @ApiBody({ type: RecordCsiSurveyDto })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiUnprocessableEntityResponse({
    description:
      'REPAIR_ORDER_SURVEY_ALREADY_RECORDED, REPAIR_ORDER_SURVEY_ANSWER_OUT_OF_RANGE, REPAIR_ORDER_STAGE_FORBIDS',
  })
  survey(
    @Param('repairOrderId', ID) id: string,
    @Body() body: RecordCsiSurveyDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandReply> {
    const { occurredAt, answers, ...data } = body;
    return this.sender.run(id, occurredAt, request, reply, {
      type: 'RecordCsiSurvey',
      data: { ...data, answers: { ...answers }, repairOrderId: id },
    });
  }
}
