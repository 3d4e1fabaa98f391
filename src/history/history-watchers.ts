import type { FiledComplaint } from '../domain/complaint/complaint.state';
import { earningCommandFor, isEarningSource } from '../domain/membership/loyalty-earning';
import { currentRules, DEFAULT_LOYALTY_RULE_SETS } from '../domain/membership/loyalty-rules';
import { membershipStreamId } from '../domain/membership/membership.decider';
import { type EnrolledMembership, lapseDueAt } from '../domain/membership/membership.state';
import { DomainError } from '../domain/shared/domain-error';
import type { Actor } from '../domain/shared/event';
import { DEADLINE_WATCHER_ACTOR } from '../application/complaint/deadline-watcher';
import { LOYALTY_EARNING_REACTOR, NOTHING_TO_EARN } from '../application/membership/loyalty-earning.reactor';
import { LOYALTY_SWEEP_ACTOR } from '../application/membership/loyalty-expiry-watcher';
import type { NewEvent } from '../application/ports/event-store.port';
import type { CommandContext } from '../application/shared/command-context';
import { REACTOR_ACTOR } from '../application/shared/reactor';
import type { Aggregate } from './history-plan.types';
import type { OpenStream } from './history-writer';
import { HOUR, iso } from './plan-context';

/** A clock watcher's next look at one stream: at `due` (ISO), the deadline or expiry it waits for. */
export type Follow = Readonly<{ kind: 'deadline' | 'expiry'; streamId: string; due: string }>;
export type Clocks = Readonly<{ schedule: (at: number, follow: Follow) => void }>;
type Execute = (
  streamId: string,
  aggregate: Aggregate,
  command: Readonly<{ type: string; data: Readonly<Record<string, unknown>> }>,
  actor: Actor,
  context: CommandContext,
) => Promise<NewEvent[]>;

const RULES = currentRules(DEFAULT_LOYALTY_RULE_SETS);

const soonest = (dates: readonly string[]): string | null =>
  dates.reduce<string | null>((a, b) => (a === null || Date.parse(b) < Date.parse(a) ? b : a), null);

const nextDeadline = (state: FiledComplaint): string | null =>
  state.status === 'closed'
    ? null
    : soonest(state.clocks.filter((clock) => !clock.missed).map((clock) => clock.dueBy));

const nextExpiry = (state: EnrolledMembership): string | null =>
  soonest([
    ...state.lots.filter((lot) => lot.remaining > 0).map((lot) => lot.expiresAt),
    ...state.vouchers.filter((voucher) => voucher.status === 'issued').map((voucher) => voucher.expiresAt),
    ...(state.status === 'active' ? [lapseDueAt(state, RULES)] : []),
  ]);

/**
 * What the running system does by itself, done at the business time it would have happened: the loyalty
 * earning reactor (right after the settlement or delivery), the complaint deadline watcher (within a minute
 * of a passed deadline) and the loyalty expiry watcher (at its next hourly sweep). Same commands, actors and
 * Idempotency-Keys as the live ones.
 */
export class HistoryWatchers {
  private readonly scheduled = new Map<string, string>();

  constructor(
    private readonly clocks: Clocks,
    private readonly execute: Execute,
  ) {}

  async after(
    streamId: string,
    open: OpenStream,
    events: readonly NewEvent[],
    streams: ReadonlyMap<string, OpenStream>,
  ): Promise<void> {
    if (open.aggregate === 'complaint')
      this.follow('deadline', streamId, nextDeadline(open.state as FiledComplaint));
    if (open.aggregate === 'membership')
      this.follow('expiry', streamId, nextExpiry(open.state as EnrolledMembership));
    for (const event of events) await this.earn(event, streams);
  }

  async fire(follow: Follow, streams: ReadonlyMap<string, OpenStream>, at: number): Promise<void> {
    const open = streams.get(follow.streamId);
    if (!open || this.scheduled.get(follow.streamId) !== follow.due) return;
    this.scheduled.delete(follow.streamId);
    const id = follow.streamId.slice(follow.streamId.indexOf('-') + 1);
    const deadline = follow.kind === 'deadline';
    const key = deadline ? `deadline-watcher:${id}:${follow.due}` : `loyalty-expiry:${id}:${follow.due}`;
    await this.execute(
      follow.streamId,
      open.aggregate,
      deadline
        ? { type: 'RecordMissedDeadlines', data: { complaintId: id } }
        : { type: 'ApplyDueExpiries', data: { customerId: id } },
      deadline ? DEADLINE_WATCHER_ACTOR : LOYALTY_SWEEP_ACTOR,
      {
        now: iso(at),
        correlationId: key,
        causationId: null,
        actor: deadline ? DEADLINE_WATCHER_ACTOR : LOYALTY_SWEEP_ACTOR,
        idempotencyKey: key,
      },
    );
  }

  private follow(kind: Follow['kind'], streamId: string, due: string | null): void {
    if (due === null) {
      this.scheduled.delete(streamId);
      return;
    }
    if (this.scheduled.get(streamId) === due) return;
    this.scheduled.set(streamId, due);
    const dueMs = Date.parse(due);
    // A sweep sees a deadline some seconds after it passed, an expiry at the next full hour.
    const at =
      kind === 'deadline'
        ? dueMs + 1_000 + (Math.floor(dueMs / 1_000) % 59) * 1_000
        : (Math.floor(dueMs / HOUR) + 1) * HOUR;
    this.clocks.schedule(at, { kind, streamId, due });
  }

  private async earn(event: NewEvent, streams: ReadonlyMap<string, OpenStream>): Promise<void> {
    const source = { type: event.type, data: event.data };
    const earn = isEarningSource(source) ? earningCommandFor(source) : null;
    if (!earn) return;
    const streamId = membershipStreamId(earn.customerId);
    if (!streams.has(streamId)) return; // not a member: the live reactor gets MEMBERSHIP_NOT_FOUND
    const actor = REACTOR_ACTOR(LOYALTY_EARNING_REACTOR);
    try {
      await this.execute(streamId, 'membership', { type: 'EarnPoints', data: earn }, actor, {
        now: event.occurredAt,
        correlationId: event.metadata.correlationId,
        causationId: event.eventId,
        actor,
        idempotencyKey: `reactor:${LOYALTY_EARNING_REACTOR}:${event.eventId}`,
      });
    } catch (error) {
      if (!(error instanceof DomainError) || !NOTHING_TO_EARN.has(error.code)) throw error;
    }
  }
}
