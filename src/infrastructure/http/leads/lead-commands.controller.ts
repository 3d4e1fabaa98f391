import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import {
  HandLeadCommand,
  type LeadProspectOutcome,
  type LeadStep,
  LeadStepCommand,
  OpenLeadProspectCommand,
} from '../../../application/lead/lead.commands';
import type { CommandContext } from '../../../application/shared/command-context';
import { deterministicUuid } from '../../../application/shared/deterministic-id';
import { Ctx } from '../shared/command-context.decorator';
import { CommandRoute } from '../shared/command-route';
import { commandRoutes } from '../shared/command-routes';
import { commandTarget, newRecordId } from '../shared/command-sender';
import { Permit } from '../shared/permission.decorator';
import { RecordIdPipe } from '../shared/record-id.pipe';
import { routeTable } from '../shared/route-table';
import {
  HandLeadAgainBody,
  HandLeadBody,
  LoseLeadBody,
  OpenLeadProspectBody,
  RecordLeadContactBody,
} from './leads.bodies';
import { LeadProspectReply } from './leads.responses';
import { EmptyCommandBody } from '../shared/command.bodies';

const LEAD = commandTarget<LeadStep>()('lead', 'leadId', LeadStepCommand);
const NOT_FOUND = 'LEAD_NOT_FOUND';
const { step } = commandRoutes(LEAD, { notFound: NOT_FOUND, everyStep: 'LEAD_FACT_OUT_OF_ORDER' });
/** A dealer's step dated before the current handing: an earlier handing's, built on by the new one. */
const EARLIER_HANDING = 'LEAD_HANDED_AGAIN (dated before the lead was handed again)';

/**
 * The lead's commands: the OEM hands (and hands again), the lead's current dealer accepts, contacts, opens
 * the prospect file or closes the lead. Returns are the clock's (lead-return watcher), conversions the
 * prospect's (conversion reactor): neither has a route.
 */
@ApiTags('leads')
@Controller('leads')
export class LeadCommandsController extends routeTable({
  accept: step('accept', 'AcceptLead', EmptyCommandBody, 'lead.work', {
    summary: 'Accept the lead (within 24 h of the handing, inclusive)',
    description:
      'Dated in time but sent after the sweep returned the lead, it withdraws the return (`LeadDecisionsWithdrawn`) and is accepted as if it had arrived in time; dated after the deadline, it is refused (`LEAD_CLOCK_RAN_OUT`) whether or not the sweep has run.',
    refusals: `LEAD_CLOCK_RAN_OUT, LEAD_ALREADY_ACCEPTED, ${EARLIER_HANDING}`,
  }),
  contact: step('contact', 'RecordLeadContact', RecordLeadContactBody, 'lead.work', {
    summary: 'Record the first contact with the customer (within 48 h of the acceptance, inclusive)',
    description:
      'On a lead not accepted yet it is refused with `LEAD_NOT_ACCEPTED`: send it again once the acceptance is in. Dated in time after the sweep returned the lead, it withdraws the return.',
    refusals: `LEAD_NOT_ACCEPTED, LEAD_CLOCK_RAN_OUT, LEAD_ALREADY_CONTACTED, ${EARLIER_HANDING}`,
  }),
  lose: step('lose', 'LoseLead', LoseLeadBody, 'lead.work', {
    summary: 'Close a contacted lead that did not become a prospect file, with the reason (战败)',
    refusals: 'LEAD_NOT_CONTACTED, LEAD_LINKED_TO_PROSPECT (grade the prospect F instead), LEAD_CLOSED',
  }),
  handAgain: step('hand-again', 'HandLeadAgain', HandLeadAgainBody, 'lead.hand', {
    summary: 'Hand a returned lead again, to any dealer, with new clocks',
    refusals: 'LEAD_NOT_RETURNED',
  }),
}) {
  constructor(private readonly bus: CommandBus) {
    super();
  }

  @Post()
  @Permit('lead.hand')
  @CommandRoute({
    summary: 'Hand a lead (hotline, website, campaign) to one dealer (下发销售机会)',
    description:
      'Starts the acceptance clock: the dealer accepts within 24 h, then makes first contact within 48 h, or the lead returns to the OEM. The customer’s name and phone are personal data, kept encrypted.',
    creates: '/leads',
    conflicts: 'LEAD_ALREADY_HANDED: the id names a lead already handed',
  })
  async hand(
    @Body() { occurredAt: _occurredAt, leadId: requested, customer, ...data }: HandLeadBody,
    @Ctx() context: CommandContext,
  ) {
    const leadId = newRecordId('lead', requested, context);
    const customerId = customer.customerId ?? deterministicUuid(`customer|lead|${leadId}`);
    const result = await this.bus.execute(
      new HandLeadCommand({ ...data, leadId, customer: { ...customer, customerId } }, context),
    );
    return { id: leadId, ...result };
  }

  @Post(':leadId/prospect')
  @Permit('lead.work')
  @CommandRoute({
    summary: 'Open the prospect file of a contacted lead, or join the dealer’s prospect with that phone',
    description:
      'Registers the prospect through the prospect registration (channel `oem-lead`, the lead’s model and campaign) and its phone index: when the dealer already has a prospect with that phone, the lead joins it (`merged`) as a repeat enquiry and takes its outcome. The lead is converted when that prospect orders.',
    reply: LeadProspectReply,
    notFound: NOT_FOUND,
    idParam: 'leadId',
    refusals: 'LEAD_NOT_CONTACTED, LEAD_ALREADY_LINKED, LEAD_FACT_OUT_OF_ORDER',
    conflicts: 'PROSPECT_ALREADY_REGISTERED',
  })
  async openProspect(
    @Param('leadId', new RecordIdPipe('leadId')) leadId: string,
    @Body() { occurredAt: _occurredAt, ...file }: OpenLeadProspectBody,
    @Ctx() context: CommandContext,
  ) {
    const outcome: LeadProspectOutcome = await this.bus.execute(
      new OpenLeadProspectCommand(leadId, file, context),
    );
    return { id: leadId, ...outcome.result, prospectId: outcome.prospectId, merged: outcome.merged };
  }
}
