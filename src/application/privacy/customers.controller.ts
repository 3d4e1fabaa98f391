import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentPrincipal } from '../../infrastructure/http/shared/request-context';
import { RecordIdPipe } from '../../infrastructure/http/shared/record-id.pipe';
import { Permit } from '../../infrastructure/http/shared/permission.decorator';
import { CommandContextFactory } from '../../infrastructure/http/shared/command-context.factory';
import { COMMAND_HEADERS, replyWithResult } from '../../infrastructure/http/shared/http-replies';
import { type CustomerFile, CustomerFileQuery } from './customer-file.query';
import { accessReasonOf, FileAccessRecorder } from './file-access-recorder';
import { ForgetCustomer } from './forget-customer';
import { ForgetCustomerDto } from './privacy.dto';

const ID = new RecordIdPipe('customerId');

@ApiTags('customers')
@Controller('customers')
export class CustomersController {
  constructor(
    private readonly files: CustomerFileQuery,
    private readonly recorder: FileAccessRecorder,
    private readonly forgetting: ForgetCustomer,
    private readonly contexts: CommandContextFactory,
  ) {}

  @Get(':customerId')
  @Permit('customer.read')
  @ApiOperation({
    summary: "One customer's file: prospects, vehicle sales, vehicles, repair orders, complaints, membership",
    description:
      'Opening it is recorded (who, when, which customer, why) before anything is read: see GET /access-audit. ' +
      'Personal data is shown as the role may see it (docs/privacy.md); `[erased]` once the customer was forgotten.',
  })
  @ApiHeader({
    name: 'X-Access-Reason',
    required: true,
    description: 'Why you open the file; kept in the audit.',
  })
  @ApiBadRequestResponse({ description: 'X-Access-Reason missing or longer than 500 characters' })
  async file(
    @Param('customerId', ID) customerId: string,
    @Req() request: FastifyRequest,
  ): Promise<CustomerFile> {
    const reason = accessReasonOf(request, true);
    await this.recorder.record(request, [customerId], { reason, recordId: customerId });
    return this.files.fileOf(customerId, currentPrincipal());
  }

  @Post(':customerId/forget')
  @HttpCode(200)
  @Permit('customer.forget')
  @COMMAND_HEADERS()
  @ApiOperation({
    summary: 'Forget a customer (erasure): destroy their key and record CustomerForgotten',
    description:
      'Every name, phone, ID number, address and plate of the customer, in every event and read model, reads `[erased]` from then on, ' +
      'also after a rebuild; KPIs are unchanged. Idempotent: a second call (with or without the same Idempotency-Key) appends nothing. ' +
      'New personal data for this customer id is refused afterwards with 422 CUSTOMER_FORGOTTEN.',
  })
  @ApiOkResponse({ description: 'Forgotten (now or earlier); `erasedAt` is when the key was destroyed' })
  @ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_KEY_REUSED' })
  async forget(
    @Param('customerId', ID) customerId: string,
    @Body() body: ForgetCustomerDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const context = this.contexts.fromRequest(request);
    const { tombstone, result } = await this.forgetting.forget({ customerId, ...body }, context);
    return { ...replyWithResult(reply, customerId, result), erasedAt: tombstone.erasedAt };
  }
}
