import { prospectPhoneStreamId } from '../domain/prospect/prospect-phone-index';
import { DomainError } from '../domain/shared/domain-error';
import type { Actor, Decider } from '../domain/shared/event';
import { vehicleSaleStreamId } from '../domain/vehicle-sale/vehicle-sale.decider';
import { vehicleVinStreamId } from '../domain/vehicle-vin/vehicle-vin-claim';
import { complaintFeature } from '../application/complaint/complaint.feature';
import { membershipFeature } from '../application/membership/membership.feature';
import { repairOrderFeature } from '../application/repair-order/repair-order.feature';
import { prospectPhoneFeature } from '../application/sales/prospect-phone.feature';
import { prospectFeature } from '../application/sales/prospect.feature';
import { showroomTrafficFeature } from '../application/sales/showroom-traffic.feature';
import { vehicleSaleFeature } from '../application/sales/vehicle-sale.feature';
import { vehicleVinClaimFeature } from '../application/vehicle-vin/vehicle-vin-claim.feature';
import type { EventStore, NewEvent, StoredEvent } from '../application/ports/event-store.port';
import type { CommandContext } from '../application/shared/command-context';
import type { EventEncoder } from '../application/shared/event-encoder';
import { OEM_AGENT } from './history-catalogue';
import { HistorySink } from './history-sink';
import { ServiceHistory } from './service-history';
import type { Aggregate, PlannedDay, PlannedStep } from './history-plan.types';
import { MinHeap } from './min-heap';
import { iso } from './plan-context';
import { type Random, seededUuidV7 } from './random';
import { type Clocks, type Follow, HistoryWatchers } from './history-watchers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDecider = Decider<any, any, any>;

/** The features' own deciders, so the history is decided by the rules and policies the API runs. */
export const DECIDERS: Readonly<Record<Aggregate, AnyDecider>> = {
  prospect: prospectFeature.decider,
  prospectphone: prospectPhoneFeature.decider,
  vehiclesale: vehicleSaleFeature.decider,
  vehiclevin: vehicleVinClaimFeature.decider,
  showroom: showroomTrafficFeature.decider,
  repairorder: repairOrderFeature.decider,
  complaint: complaintFeature.decider,
  membership: membershipFeature.decider,
};

/** What the writer remembers of an open stream: its folded state and where its hash chain stands. */
export type OpenStream = { aggregate: Aggregate; state: unknown; revision: number; hash: string | undefined };

export type WriterProgress = Readonly<{
  events: number;
  commands: number;
  refused: number;
  businessTime: string;
  openStreams: number;
}>;

export type HistoryWriterOptions = Readonly<{
  eventStore: EventStore;
  encoder: EventEncoder;
  /** The registration handler's phone hash (a keyed hash since the privacy work). */
  phoneHashOf: (phone: string) => string;
  /** Seeded source for correlation ids. */
  random: Random;
  /** Steps at or after this instant are not written: the history ends there. */
  end: number;
  batchEvents?: number;
  onProgress?: (progress: WriterProgress) => void;
  progressEvery?: number;
}>;

/** An item of the writer's timeline: a planned step, or a clock watcher's sweep the writer scheduled. */
type Due = Readonly<{ at: number; seq: number; step?: PlannedStep; follow?: Follow }>;

/**
 * Turns the plan into events through the deciders, in business-time order, like the API would have: each
 * command is decided on the stream's folded state and encoded by the EventEncoder (envelope, personal-data
 * protection, hash chain). It also does what the system does by itself: the loyalty earning reactor after a
 * paid settlement or a delivery, the complaint deadline watcher and the loyalty expiry watcher when their
 * clocks pass. Only open streams are kept; events go to the store in batches.
 */
export class HistoryWriter {
  private readonly streams = new Map<string, OpenStream>();
  private readonly timeline = new MinHeap<Due>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));
  private readonly sink: HistorySink;
  private readonly watchers: HistoryWatchers;
  private readonly serviceHistory = new ServiceHistory();
  private seq = 0;
  private commands = 0;
  private refused = 0;
  private lastProgress = 0;
  /** Business time of the command being written: event ids are made from it. */
  now = 0;

  constructor(private readonly options: HistoryWriterOptions) {
    this.sink = new HistorySink(options.eventStore, options.batchEvents ?? 5_000);
    // A deadline that had already passed when it was noticed is swept now: business time never runs back.
    const clocks: Clocks = {
      schedule: (at, follow) => this.push({ at: Math.max(at, this.now), seq: 0, follow }),
    };
    this.watchers = new HistoryWatchers(clocks, (streamId, aggregate, command, actor, context) =>
      this.execute(streamId, aggregate, command, actor, context),
    );
  }

  async write(days: Iterable<PlannedDay>): Promise<WriterProgress> {
    for (const day of days) {
      await this.runUntil(day.dayStart);
      for (const step of day.steps) this.push({ at: step.at, seq: 0, step });
    }
    await this.runUntil(this.options.end);
    await this.sink.flush();
    const progress = this.progress();
    this.options.onProgress?.(progress);
    return progress;
  }

  private push(due: Due): void {
    if (due.at >= this.options.end) return;
    this.timeline.push({ ...due, seq: (this.seq += 1) });
  }

  private async runUntil(before: number): Promise<void> {
    for (let due = this.timeline.peek(); due && due.at < before; due = this.timeline.peek()) {
      this.timeline.pop();
      this.now = due.at;
      if (due.step) await this.runStep(due.step);
      else if (due.follow) await this.watchers.fire(due.follow, this.streams, due.at);
    }
  }

  private async runStep(step: PlannedStep): Promise<void> {
    const { streamId, aggregate, command, actor } = step;
    try {
      if (command.type === 'RegisterProspect') await this.register(step);
      else if (command.type === 'OrderProspect') await this.order(step);
      else if (command.type === 'AllocateVehicle') await this.allocate(step);
      else {
        await this.acknowledgeAfterEscalation(step);
        const sent = this.serviceHistory.prepare(step);
        await this.execute(streamId, aggregate, sent.command, actor, this.userContext(step.at, actor));
        if (command.type === 'SettleRepairOrder') {
          const order = this.streams.get(streamId)?.state as {
            labour: ReadonlyArray<{ operationCode: string }>;
          };
          this.serviceHistory.recordSettled(
            step,
            order.labour.map((operation) => operation.operationCode),
          );
        }
      }
    } catch (error) {
      if (!(error instanceof DomainError) || !step.refusable?.includes(error.code)) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(
          `the plan's ${command.type} on ${streamId} at ${iso(step.at)} was refused: ${reason}`,
        );
      }
      this.refused += 1;
    }
    if (step.last) {
      this.streams.delete(streamId);
      this.serviceHistory.forget(streamId);
    }
  }

  /**
   * An escalation (by the deadline watcher, say) restarts the acknowledgement at the upper level, which the
   * plan cannot foresee: the brand's desk then acknowledges when the proposal or resolution comes.
   */
  private async acknowledgeAfterEscalation(step: PlannedStep): Promise<void> {
    const { type, data } = step.command;
    if (step.aggregate !== 'complaint' || (type !== 'ProposeResolution' && type !== 'ResolveComplaint'))
      return;
    const state = this.streams.get(step.streamId)?.state as { acknowledgedAt?: string | null } | undefined;
    if (state?.acknowledgedAt !== null) return;
    const acknowledge = {
      type: 'AcknowledgeComplaint',
      data: { complaintId: data.complaintId, note: 'taken up at the escalated level' },
    };
    await this.execute(
      step.streamId,
      'complaint',
      acknowledge,
      OEM_AGENT,
      this.userContext(step.at, OEM_AGENT),
    );
  }

  /** As the registration handler: claim the phone's index stream for this dealer, then register. */
  private async register(step: PlannedStep): Promise<void> {
    const data = step.command.data as { prospectId: string; dealerId: string; contact: { phone: string } };
    const phoneHash = this.options.phoneHashOf(data.contact.phone);
    const context = this.userContext(step.at, step.actor);
    const claim = prospectPhoneStreamId(data.dealerId, phoneHash);
    await this.execute(
      claim,
      'prospectphone',
      {
        type: 'ClaimProspectPhone',
        data: { dealerId: data.dealerId, phoneHash, prospectId: data.prospectId },
      },
      step.actor,
      context,
    );
    this.streams.delete(claim);
    await this.execute(
      step.streamId,
      'prospect',
      { type: 'RegisterProspect', data: { ...step.command.data, phoneHash } },
      step.actor,
      context,
    );
  }

  /**
   * As the sale step handler: claim the VIN's index stream for the sale at its revision, then allocate.
   * The plan gives every sale a VIN of its own (`vinOf`, one serial per dealer), so the claim is always
   * of a free VIN; a VIN planned twice would fail the claim's `no_stream` append, loudly.
   */
  private async allocate(step: PlannedStep): Promise<void> {
    const { saleId, vin } = step.command.data as { saleId: string; vin: string };
    const sale = this.streams.get(step.streamId);
    const dealerId = (sale?.state as { dealerId?: string } | undefined)?.dealerId;
    if (!sale || dealerId === undefined) throw new Error(`sale stream ${step.streamId} is not open`);
    const context = this.userContext(step.at, step.actor);
    const claim = vehicleVinStreamId(vin);
    await this.execute(
      claim,
      'vehiclevin',
      {
        type: 'ClaimVehicleVin',
        data: {
          vin,
          holder: { kind: 'vehicle-sale', id: saleId, dealerId },
          holderRevision: sale.revision,
          current: null,
        },
      },
      step.actor,
      context,
    );
    this.streams.delete(claim);
    await this.execute(step.streamId, 'vehiclesale', step.command, step.actor, context);
  }

  /** As the order handler: sign the sale from the prospect's folded state, then order the prospect. */
  private async order(step: PlannedStep): Promise<void> {
    const { terms, ...order } = step.command.data as { saleId: string; terms: Record<string, unknown> };
    const prospect = this.streams.get(step.streamId)?.state as
      { prospectId: string; dealerId: string; consultantId: string; contact: unknown } | undefined;
    if (!prospect) throw new Error(`prospect stream ${step.streamId} is not open`);
    const context = this.userContext(step.at, step.actor);
    await this.execute(
      vehicleSaleStreamId(order.saleId),
      'vehiclesale',
      {
        type: 'SignOrder',
        data: {
          ...terms,
          saleId: order.saleId,
          prospectId: prospect.prospectId,
          dealerId: prospect.dealerId,
          consultantId: prospect.consultantId,
          customer: prospect.contact,
        },
      },
      step.actor,
      context,
    );
    await this.execute(
      step.streamId,
      'prospect',
      { type: 'OrderProspect', data: order },
      step.actor,
      context,
    );
  }

  private userContext(at: number, actor: Actor): CommandContext {
    const random = this.options.random;
    return { now: iso(at), correlationId: seededUuidV7(at, random), causationId: null, actor };
  }

  /** Load (from memory), decide, encode, append: the command pipeline without the reads. */
  private async execute(
    streamId: string,
    aggregate: Aggregate,
    command: Readonly<{ type: string; data: Readonly<Record<string, unknown>> }>,
    actor: Actor,
    context: CommandContext,
  ): Promise<NewEvent[]> {
    const decider = DECIDERS[aggregate];
    const open = this.streams.get(streamId) ?? {
      aggregate,
      state: decider.initialState(),
      revision: -1,
      hash: undefined,
    };
    this.commands += 1;
    const decided = decider.decide(
      { type: command.type, data: command.data, metadata: { now: context.now, actor } },
      open.state,
    );
    if (decided.length === 0) return [];
    const previous =
      open.hash === undefined
        ? undefined
        : ({ revision: open.revision, metadata: { hash: open.hash } } as unknown as StoredEvent);
    const encoded = await this.options.encoder.encode(streamId, previous, decided, context);
    for (const event of encoded)
      open.state = decider.evolve(open.state, { type: event.type, data: event.data });
    const expected = open.revision < 0 ? 'no_stream' : open.revision;
    open.revision += encoded.length;
    open.hash = encoded[encoded.length - 1].metadata.hash as string;
    this.streams.set(streamId, open);
    await this.sink.add(streamId, encoded, expected);
    await this.watchers.after(streamId, open, encoded, this.streams);
    this.reportProgress();
    return encoded;
  }

  private progress(): WriterProgress {
    return {
      events: this.sink.written,
      commands: this.commands,
      refused: this.refused,
      businessTime: iso(this.now),
      openStreams: this.streams.size,
    };
  }

  private reportProgress(): void {
    const every = this.options.progressEvery ?? 50_000;
    if (!this.options.onProgress || this.sink.written - this.lastProgress < every) return;
    this.lastProgress = this.sink.written;
    this.options.onProgress(this.progress());
  }
}
