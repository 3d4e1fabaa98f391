import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { prospectStreamId } from '../../domain/prospect/prospect.decider';
import { ProspectAlreadyRegistered } from '../../domain/prospect/prospect.errors';
import { prospectPhoneStreamId, ProspectPhoneTaken } from '../../domain/prospect/prospect-phone-index';
import { EVENT_STORE, type EventStore, WrongExpectedRevisionError } from '../ports/event-store.port';
import { PersonalDataProtector } from '../privacy/personal-data-protector';
import { PhoneBlindIndex } from '../privacy/phone-blind-index';
import type { CommandContext, CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import { prospectPhoneFeature } from './prospect-phone.feature';
import { prospectFeature } from './prospect.feature';
import { RegisterProspectCommand, type RegistrationOutcome } from './sales.commands';

/**
 * Registers a prospect, or records a touch on the prospect that already has this phone at this dealer.
 *
 * Race-free through the event store, not a read model: the (dealer, phone) index stream is claimed with
 * `no_stream`, so of two concurrent registrations exactly one claim lands; the other reads the owner.
 * The claim and the prospect's first event are two appends. If the process dies between them, the claim
 * points to a prospect stream that is still empty, and the next registration with that phone completes
 * the registration of that prospect id (with its own data) instead of failing or making a twin.
 */
@CommandHandler(RegisterProspectCommand)
export class RegisterProspectHandler implements ICommandHandler<
  RegisterProspectCommand,
  RegistrationOutcome
> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    /** The duplicate check's key is a keyed hash of the phone, never the phone (docs/privacy.md). */
    private readonly phones: PhoneBlindIndex,
    /** Refuses a forgotten customer before the phone claim is appended (absent in bare unit wiring). */
    @Optional() private readonly protector?: PersonalDataProtector,
  ) {}

  async execute({ data, context, phoneHash: known }: RegisterProspectCommand): Promise<RegistrationOutcome> {
    await this.protector?.refuseIfForgotten(data.contact.customerId);
    const phoneHash = known ?? this.phones.hashOf(data.contact.phone);
    await this.refuseIdOfAnotherPhone(data.prospectId, data.dealerId, phoneHash);
    // The phone claim is appended before the prospect: check the principal first, so a refusal appends nothing.
    this.pipeline.authoriseCreation(
      prospectFeature,
      { type: 'RegisterProspect', data: { ...data, phoneHash } },
      context.actor,
    );
    const owner = await this.claim(data.dealerId, phoneHash, data.prospectId, context);
    try {
      const result = await this.pipeline.execute(
        prospectFeature,
        { type: 'RegisterProspect', data: { ...data, prospectId: owner, phoneHash } },
        context,
      );
      // A retried duplicate enquiry replays its touch.
      const touched = result.events.some((event) => event.type === 'ProspectTouched');
      return this.outcome(owner, touched ? owner : null, result, data.consultantId);
    } catch (error) {
      if (!(error instanceof ProspectAlreadyRegistered) && !(error instanceof WrongExpectedRevisionError))
        throw error;
    }
    const result = await this.recordEnquiry(owner, data.channel, context);
    return this.outcome(owner, owner, result, data.consultantId);
  }

  /**
   * A repeat enquiry is a touch, which the prospect takes in any state: a touch that lost the race on the
   * stream to another command (enquiries with one phone sent together) is decided again on the new state
   * (the pipeline's bounded retry) rather than answered 409. Enquiries that read the stream before any of
   * them appended decide on the same revision, and with the SQLite store's group commit their appends meet
   * in one commit, so such a race can have more than two sides. A stale If-Match stays a 409.
   */
  private recordEnquiry(
    prospectId: string,
    channel: RegisterProspectCommand['data']['channel'],
    context: CommandContext,
  ): Promise<CommandResult> {
    return this.pipeline.execute(
      prospectFeature,
      { type: 'RecordEnquiry', data: { prospectId, channel } },
      context,
      { decideAgainAfterLostRace: true },
    );
  }

  /** The answer names the prospect's owner, so a colleague's repeat enquiry learns whose prospect it joined. */
  private async outcome(
    prospectId: string,
    duplicateOf: string | null,
    result: CommandResult,
    registeredBy: string,
  ): Promise<RegistrationOutcome> {
    // A new prospect is its registrant's: only a repeat enquiry or a replay needs the stream read again.
    if (duplicateOf === null && !result.replayed)
      return { prospectId, duplicateOf, consultantId: registeredBy, result };
    const state = await this.pipeline.currentState(prospectFeature, prospectStreamId(prospectId));
    const consultantId = state.status === 'none' ? registeredBy : state.consultantId;
    return { prospectId, duplicateOf, consultantId, result };
  }

  /** A client-chosen id that already names a prospect with another phone (or dealer) is a conflict, not a touch. */
  private async refuseIdOfAnotherPhone(
    prospectId: string,
    dealerId: string,
    phoneHash: string,
  ): Promise<void> {
    const [first] = await this.eventStore.readStream(prospectStreamId(prospectId));
    if (first && (first.data.phoneHash !== phoneHash || first.data.dealerId !== dealerId))
      throw new ProspectAlreadyRegistered(prospectId);
  }

  /** The prospect that owns this phone at this dealer: ours if the claim lands, else the earlier one. */
  private async claim(
    dealerId: string,
    phoneHash: string,
    prospectId: string,
    context: CommandContext,
  ): Promise<string> {
    const stream = prospectPhoneStreamId(dealerId, phoneHash);
    try {
      // If-Match is about the prospect, never the index stream.
      await this.pipeline.execute(
        prospectPhoneFeature,
        { type: 'ClaimProspectPhone', data: { dealerId, phoneHash, prospectId } },
        { ...context, expectedRevision: undefined },
      );
      const [claimed] = await this.eventStore.readStream(stream);
      return String(claimed.data.prospectId);
    } catch (error) {
      if (error instanceof ProspectPhoneTaken) return error.ownerProspectId;
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      const [claimed] = await this.eventStore.readStream(stream);
      return String(claimed.data.prospectId);
    }
  }
}
