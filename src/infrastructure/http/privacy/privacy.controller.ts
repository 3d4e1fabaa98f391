import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListAccessAuditQuery } from '../../../application/privacy/access-audit.query';
import { CustomerFileQuery } from '../../../application/privacy/customer-file.query';
import { CustomerLookupQuery } from '../../../application/privacy/customer-lookup.query';
import { FileAccessRecorder, type FileOpening } from '../../../application/privacy/file-access-recorder';
import { ForgetCustomer } from '../../../application/privacy/forget-customer';
import type { CommandContext } from '../../../application/shared/command-context';
import { CommandRoute } from '../shared/command-route';
import { Ctx } from '../shared/command-context.decorator';
import { CustomerFileOpening, CustomerLookupOpening } from '../shared/file-access.decorator';
import { RequestValidationError } from '../shared/problem-details';
import { Permit } from '../shared/permission.decorator';
import { QueryRoute } from '../shared/query-route';
import { askPage } from '../shared/query-routes';
import { routeTable } from '../shared/route-table';
import { RecordIdPipe } from '../shared/record-id.pipe';
import { currentPrincipal } from '../../request-context';
import { ForgetCustomerBody } from './privacy.bodies';
import { CustomerLookupView } from './customer-lookup.responses';
import { AccessAuditParams, CustomerLookupParams, lookupKeyErrors } from './privacy.params';
import { AccessAuditPage, CustomerFileView, ForgottenCustomerReply } from './privacy.responses';

const ID = new RecordIdPipe('customerId');

@ApiTags('customers')
@Controller('customers')
export class CustomersController {
  constructor(
    private readonly files: CustomerFileQuery,
    private readonly recorder: FileAccessRecorder,
    private readonly forgetting: ForgetCustomer,
    private readonly lookups: CustomerLookupQuery,
  ) {}

  @Get('lookup')
  @Permit('customer.lookup')
  @QueryRoute({
    summary: 'The customer at the phone: look a caller up by phone, plate or VIN (CTI screen pop)',
    description:
      'Exactly one of `phone`, `plate`, `vin`. Phones and plates are found through their keyed blind indexes (an HMAC, docs/privacy.md), never by the clear value. ' +
      'Answers each customer the key names with a summary: open prospects, vehicles with their last and next service, open complaints, membership and spendable points, open callbacks. ' +
      'A dealer-bound reader finds only the customers its dealer recorded with that key and sees only its dealer’s records; a sales consultant only the customers of their own prospects. ' +
      'No match is an empty `matches`, not a 404. Each customer found is recorded in the access audit with the reason before anything is shown (GET /access-audit).',
    type: CustomerLookupView,
    badRequest:
      'VALIDATION_FAILED: none or more than one of phone, plate and vin, a malformed one, or X-Access-Reason missing or longer than 500 characters',
  })
  @ApiHeader({
    name: 'X-Access-Reason',
    required: true,
    description: 'Why you look the caller up (e.g. "inbound call"); kept in the audit.',
  })
  async lookup(@Query() params: CustomerLookupParams, @CustomerLookupOpening() opening: FileOpening) {
    const errors = lookupKeyErrors(params);
    if (errors.length > 0) throw new RequestValidationError(errors);
    const customerIds = await this.lookups.customersFor(params, currentPrincipal());
    await this.recorder.record(opening, customerIds, null);
    return this.lookups.summariesOf(params, customerIds, currentPrincipal());
  }

  @Get(':customerId')
  @Permit('customer.read')
  @QueryRoute({
    summary: "One customer's file: prospects, vehicle sales, vehicles, repair orders, complaints, membership",
    description:
      'Opening it is recorded (who, when, which customer, why) before anything is read: see GET /access-audit. ' +
      'A sales consultant opens only the file of a customer whose prospect they own (403 OWNER_FORBIDDEN otherwise, recording nothing) and sees only their own prospects in it. ' +
      'Personal data is shown as the role may see it (docs/privacy.md); `[erased]` once the customer was forgotten.',
    type: CustomerFileView,
    badRequest: 'VALIDATION_FAILED: X-Access-Reason missing or longer than 500 characters, or a malformed id',
  })
  @ApiHeader({
    name: 'X-Access-Reason',
    required: true,
    description: 'Why you open the file; kept in the audit.',
  })
  async file(@Param('customerId', ID) customerId: string, @CustomerFileOpening() opening: FileOpening) {
    await this.files.refuseUnlessMayOpen(customerId, currentPrincipal());
    await this.recorder.record(opening, [customerId], customerId);
    return this.files.fileOf(customerId, currentPrincipal());
  }

  /** Not a bus command: the key is destroyed before the event is appended (ForgetCustomer says why). */
  @Post(':customerId/forget')
  @Permit('customer.forget')
  @ApiOkResponse({
    type: ForgottenCustomerReply,
    description: 'Forgotten (now or earlier); `erasedAt` is when the key was destroyed.',
  })
  @CommandRoute({
    summary: 'Forget a customer (erasure): destroy their key and record CustomerForgotten',
    description:
      'Every name, phone, ID number, address and plate of the customer, in every event and read model, reads `[erased]` from then on, ' +
      'also after a rebuild; KPIs are unchanged. Idempotent: a second call (with or without the same Idempotency-Key) appends nothing. ' +
      'New personal data for this customer id is refused afterwards with 422 CUSTOMER_FORGOTTEN.',
    idParam: 'customerId',
  })
  async forget(
    @Param('customerId', ID) customerId: string,
    @Body() body: ForgetCustomerBody,
    @Ctx() context: CommandContext,
  ) {
    const { tombstone, result } = await this.forgetting.forget({ customerId, ...body }, context);
    return { id: customerId, ...result, erasedAt: tombstone.erasedAt };
  }
}

@ApiTags('access audit')
@Controller('access-audit')
export class AccessAuditController extends routeTable({
  list: askPage('', AccessAuditParams, ListAccessAuditQuery, {
    permit: ['access-audit.read'],
    summary: "Who opened which customer's records, when and why; and who forgot whom",
    description: 'Newest first. Filters are ANDed; `from` is inclusive, `to` exclusive.',
    type: AccessAuditPage,
  }),
}) {}
