import { Inject, Optional } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { leadStreamId } from '../../domain/lead/lead.decider';
import { LeadNotFound } from '../../domain/lead/lead.errors';
import type { LeadEvent, LeadHanded } from '../../domain/lead/lead.events';
import { type LeadState, linkedProspectOf } from '../../domain/lead/lead.state';
import { prospectStreamId } from '../../domain/prospect/prospect.decider';
import type { ProspectOrdered } from '../../domain/prospect/prospect.events';
import { EVENT_STORE, type EventStore, type StoredEvent } from '../ports/event-store.port';
import { PersonalDataProtector } from '../privacy/personal-data-protector';
import { PhoneBlindIndex } from '../privacy/phone-blind-index';
import { RegisterProspectCommand, type RegistrationOutcome } from '../sales/sales.commands';
import type { CommandContext, CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import { deterministicUuid } from '../shared/deterministic-id';
import { EventCatalog } from '../shared/event-catalog';
import { outcomeCommand, recordOutcome } from './lead-conversion.reactor';
import {
  HandLeadCommand,
  LeadStepCommand,
  type LeadProspectOutcome,
  OpenLeadProspectCommand,
} from './lead.commands';
import { leadFeature } from './lead.feature';
import { prospectLeadsFeature } from './prospect-leads.feature';

@CommandHandler(LeadStepCommand)
export class LeadStepHandler implements ICommandHandler<LeadStepCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ step, context }: LeadStepCommand): Promise<CommandResult> {
    return this.pipeline.execute(leadFeature, step, context);
  }
}

/** Hands a lead: the phone is kept encrypted in the event, and its blind index beside it for the prospect file. */
@CommandHandler(HandLeadCommand)
export class HandLeadHandler implements ICommandHandler<HandLeadCommand, CommandResult> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly phones: PhoneBlindIndex,
    @Optional() private readonly protector?: PersonalDataProtector,
  ) {}

  async execute({ data, context }: HandLeadCommand): Promise<CommandResult> {
    await this.protector?.refuseIfForgotten(data.customer.customerId);
    const phoneHash = this.phones.hashOf(data.customer.phone);
    return this.pipeline.execute(leadFeature, { type: 'HandLead', data: { ...data, phoneHash } }, context);
  }
}

/**
 * The prospect file of a contacted lead, through the prospect registration itself (the dealer's phone index
 * and blind index, no second matcher): a new prospect, or a touch on the one the dealer already has with that
 * phone (`merged`). Then the lead records the link, the prospect's index of leads records the lead, and the
 * prospect is read once more: an order or a loss appended before the index could be seen by the conversion
 * reactor is recorded here (a merged prospect that has ordered already gives the lead its outcome).
 */
@CommandHandler(OpenLeadProspectCommand)
export class OpenLeadProspectHandler implements ICommandHandler<
  OpenLeadProspectCommand,
  LeadProspectOutcome
> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly commands: CommandBus,
    private readonly catalog: EventCatalog,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  async execute({ leadId, file, context }: OpenLeadProspectCommand): Promise<LeadProspectOutcome> {
    const history = (await this.eventStore.readStream(leadStreamId(leadId))).map(this.catalog.upcast);
    if (history.length === 0) throw new LeadNotFound(leadId);
    const state = this.fold(history);
    if (state.status === 'none') throw new LeadNotFound(leadId);
    const linked = linkedProspectOf(state);
    if (linked !== null) {
      // Already a prospect file: a retry answers what the first did and appends nothing.
      const result = await this.link(leadId, linked, this.mergedOf(history), context);
      return { leadId, prospectId: linked, merged: this.mergedOf(history), result };
    }
    // The lead's rules first (contacted, in its dealer), so a refusal registers no prospect.
    leadFeature.decider.decide(
      {
        type: 'LinkLeadProspect',
        data: { leadId, prospectId: 'pending', merged: false },
        metadata: { now: new Date(context.now).toISOString(), actor: context.actor },
      },
      state,
    );
    const handed = history[0].data as LeadHanded['data'];
    const registration: RegistrationOutcome = await this.commands.execute(
      new RegisterProspectCommand(
        {
          prospectId: deterministicUuid(`prospect|lead|${leadId}|${state.current.handing}`),
          dealerId: state.current.dealerId,
          consultantId: file.consultantId,
          channel: 'oem-lead',
          contact: handed.customer,
          modelOfInterest: state.model,
          ...(state.campaignId ? { campaignId: state.campaignId } : {}),
          grade: file.grade,
        },
        context,
        handed.phoneHash,
      ),
    );
    const { prospectId } = registration;
    const merged = registration.duplicateOf !== null;
    const result = await this.link(leadId, prospectId, merged, context);
    await this.pipeline.execute(
      prospectLeadsFeature,
      { type: 'IndexLeadOnProspect', data: { prospectId, leadId, dealerId: state.current.dealerId } },
      { ...context, expectedRevision: undefined },
    );
    await this.followProspect(leadId, prospectId, context);
    return { leadId, prospectId, merged, result };
  }

  private link(leadId: string, prospectId: string, merged: boolean, context: CommandContext) {
    return this.pipeline.execute(
      leadFeature,
      { type: 'LinkLeadProspect', data: { leadId, prospectId, merged } },
      context,
    );
  }

  /** The prospect's last outcome (an order, or a loss not followed by an order), recorded on the lead. */
  private async followProspect(leadId: string, prospectId: string, context: CommandContext): Promise<void> {
    const events = await this.eventStore.readStream(prospectStreamId(prospectId));
    const outcome = [...events]
      .reverse()
      .find((event) => event.type === 'ProspectOrdered' || event.type === 'ProspectLost');
    if (!outcome) return;
    const event = { type: outcome.type, data: outcome.data } as Pick<ProspectOrdered, 'type' | 'data'>;
    await recordOutcome(this.pipeline, leadFeature, outcomeCommand(leadId, event), {
      ...context,
      now: outcome.occurredAt,
      idempotencyKey: undefined,
      requestHash: undefined,
      expectedRevision: undefined,
    });
  }

  private mergedOf(history: readonly StoredEvent[]): boolean {
    const link = history.find((event) => event.type === 'LeadProspectLinked');
    return link?.data.merged === true;
  }

  private fold(history: readonly StoredEvent[]): LeadState {
    const { decider } = leadFeature;
    return history.reduce<LeadState>(
      (state, stored) => decider.evolve(state, { type: stored.type, data: stored.data } as LeadEvent),
      decider.initialState(),
    );
  }
}

export const LEAD_COMMAND_HANDLERS = [LeadStepHandler, HandLeadHandler, OpenLeadProspectHandler];
