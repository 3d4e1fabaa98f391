import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CallCommand } from '../../domain/call/call.commands';
import {
  type ComplaintDetails,
  complaintDetailsProjection,
} from '../../projections/complaint-details/complaint-details.projection';
import { normalisePhone } from '../../domain/prospect/prospect-phone-index';
import {
  blindIndexKey,
  type CustomerLookupEntry,
  customerLookupProjection,
} from '../../projections/customer-lookup/customer-lookup.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import { PhoneBlindIndex } from '../privacy/phone-blind-index';
import type { CommandOf } from '../shared/feature';
import { CommandPipeline } from '../shared/command-pipeline';
import type { CommandResult } from '../shared/command-context';
import { callFeature } from './call.feature';
import { type CallReport, ExecuteCallCommand } from './call.commands';

const LOOKUP = physicalCollection(customerLookupProjection);
const COMPLAINTS = physicalCollection(complaintDetailsProjection);
/** A customer with more open complaints than this at one dealer is an anomaly, not a call to record on each. */
const MAX_COMPLAINTS = 20;
/** As many customers as the lookup shows for one phone: a shared fleet phone beyond this is no match. */
const MAX_CUSTOMERS = 20;

/**
 * Sends the connector's call events through the pipeline. A start's number is hashed here (the blind
 * index of the customer lookup, docs/privacy.md) and matched against the customer index at the call's
 * dealer, with those customers' open complaints there; the clear number goes no further than this function.
 */
@CommandHandler(ExecuteCallCommand)
export class ExecuteCallHandler implements ICommandHandler<ExecuteCallCommand, CommandResult> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly phones: PhoneBlindIndex,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  async execute({ command, context }: ExecuteCallCommand): Promise<CommandResult> {
    return this.pipeline.execute(
      callFeature,
      await this.decidable(command as CommandOf<CallReport>),
      context,
    );
  }

  private async decidable(report: CommandOf<CallReport>): Promise<CommandOf<CallCommand>> {
    if (report.type !== 'StartCall') return report;
    const { phone, ...call } = report.data;
    const numberHash = phone !== undefined && normalisePhone(phone) !== '' ? this.phones.hashOf(phone) : null;
    const customerIds = numberHash === null ? [] : await this.customersOf(numberHash, call.dealerId);
    const complaintIds = await this.openComplaintsOf(customerIds, call.dealerId);
    return { type: 'StartCall', data: { ...call, numberHash, customerIds, complaintIds } };
  }

  /** The complaints of these customers at the dealer not closed yet: the answered call is a contact on each. */
  private async openComplaintsOf(customerIds: readonly string[], dealerId: string): Promise<string[]> {
    if (customerIds.length === 0) return [];
    const filter = { 'customer.customerId': { $in: customerIds }, dealerId, status: { $ne: 'closed' } };
    const open = await this.readStore.find<ComplaintDetails>(COMPLAINTS, filter, {
      sort: [['complaintId', 1]],
      limit: MAX_COMPLAINTS,
    });
    return open.map((complaint) => complaint.complaintId);
  }

  /** The customers the dealer recorded with this phone, as the lookup finds them when the call starts. */
  private async customersOf(numberHash: string, dealerId: string): Promise<string[]> {
    const entry = await this.readStore.get<CustomerLookupEntry>(LOOKUP, blindIndexKey('phone', numberHash));
    const ids = (entry?.matches ?? [])
      .filter((match) => match.dealerId === dealerId)
      .map((m) => m.customerId);
    return [...new Set(ids)].slice(0, MAX_CUSTOMERS);
  }
}
