import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RecordIdPipe } from '../../infrastructure/http/shared/record-id.pipe';
import { CommandResultDto } from '../../infrastructure/http/shared/command.dto';
import { COMMAND_HEADERS } from '../../infrastructure/http/shared/http-replies';
import { type CommandReply, RepairOrderCommandSender } from './repair-order-command-sender';
import {
  AuthoriseWorkOrderDto,
  BookAppointmentDto,
  CheckInVehicleDto,
  OpenRepairOrderDto,
  RecordDiagnosisDto,
} from './repair-order-intake.dto';
import { Permit } from '../../infrastructure/http/shared/permission.decorator';

const ID = new RecordIdPipe('repairOrderId');
const NEGATIVE = 'REPAIR_ORDER_NEGATIVE_AMOUNT';

/** From appointment to the authorised work order: the service advisor's side of the repair order. */
@ApiTags('repair orders')
@Controller('repair-orders')
@COMMAND_HEADERS()
@ApiNotFoundResponse({ description: 'REPAIR_ORDER_NOT_FOUND' })
@ApiConflictResponse({ description: 'The stream moved on (WRONG_EXPECTED_REVISION)' })
export class RepairOrderIntakeController {
  constructor(private readonly sender: RepairOrderCommandSender) {}

  @Post('appointments')
  @Permit('repair.work')
  @ApiOperation({
    summary: 'Book a service appointment (服务预约)',
    description:
      'Opens the repair order stream in the booked stage; checking the vehicle in on the same id links the two.',
  })
  @ApiBody({ type: BookAppointmentDto })
  @ApiCreatedResponse({ type: CommandResultDto, description: 'Booked; `Location` names the repair order.' })
  @ApiConflictResponse({ description: 'REPAIR_ORDER_ALREADY_OPENED' })
  book(
    @Body() body: BookAppointmentDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandReply> {
    const { occurredAt, repairOrderId: requested, ...data } = body;
    return this.sender.create(requested, occurredAt, request, reply, (repairOrderId) => ({
      type: 'BookAppointment',
      data: { ...data, repairOrderId },
    }));
  }

  @Post()
  @Permit('repair.work')
  @ApiOperation({
    summary: 'Check in a walk-in vehicle (接车): opens a repair order',
    description: 'Mileage, the customer’s own description and the service advisor.',
  })
  @ApiBody({ type: OpenRepairOrderDto })
  @ApiCreatedResponse({ type: CommandResultDto, description: 'Opened; `Location` names the repair order.' })
  @ApiConflictResponse({ description: 'REPAIR_ORDER_ALREADY_OPENED' })
  @ApiUnprocessableEntityResponse({ description: `${NEGATIVE}, REPAIR_ORDER_CANCELLED` })
  open(
    @Body() body: OpenRepairOrderDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandReply> {
    const { occurredAt, repairOrderId: requested, ...data } = body;
    return this.sender.create(requested, occurredAt, request, reply, (repairOrderId) => ({
      type: 'CheckInVehicle',
      data: { ...data, repairOrderId },
    }));
  }

  @Post(':repairOrderId/check-in')
  @Permit('repair.work')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check in the vehicle of a booked appointment (接车)',
    description: 'The repair order counts as opened from an appointment (预约率).',
  })
  @ApiBody({ type: CheckInVehicleDto })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiUnprocessableEntityResponse({
    description: `REPAIR_ORDER_VEHICLE_MISMATCH, ${NEGATIVE}, REPAIR_ORDER_CANCELLED`,
  })
  checkIn(
    @Param('repairOrderId', ID) id: string,
    @Body() body: CheckInVehicleDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandReply> {
    const { occurredAt, ...data } = body;
    return this.sender.run(id, occurredAt, request, reply, {
      type: 'CheckInVehicle',
      data: { ...data, repairOrderId: id },
    });
  }

  @Post(':repairOrderId/diagnosis')
  @Permit('repair.work')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the pre-inspection and diagnosis (预检诊断)' })
  @ApiBody({ type: RecordDiagnosisDto })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiUnprocessableEntityResponse({ description: 'REPAIR_ORDER_STAGE_FORBIDS, REPAIR_ORDER_CANCELLED' })
  diagnose(
    @Param('repairOrderId', ID) id: string,
    @Body() body: RecordDiagnosisDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandReply> {
    const { occurredAt, ...data } = body;
    return this.sender.run(id, occurredAt, request, reply, {
      type: 'RecordDiagnosis',
      data: { ...data, repairOrderId: id },
    });
  }

  @Post(':repairOrderId/authorise')
  @Permit('repair.work')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record the customer authorising the work order and estimate (开具委托书)',
    description:
      'Marks the order as rework by itself when the vehicle had the same labour operation settled at this dealer in the last 30 days.',
  })
  @ApiBody({ type: AuthoriseWorkOrderDto })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiUnprocessableEntityResponse({
    description: `${NEGATIVE}, REPAIR_ORDER_EMPTY_WORK_ORDER, REPAIR_ORDER_STAGE_FORBIDS, REPAIR_ORDER_CANCELLED`,
  })
  authorise(
    @Param('repairOrderId', ID) id: string,
    @Body() body: AuthoriseWorkOrderDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandReply> {
    const { occurredAt, ...data } = body;
    return this.sender.authorise(id, occurredAt, request, reply, { ...data, repairOrderId: id });
  }
}
