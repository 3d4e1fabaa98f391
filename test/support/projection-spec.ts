import { ALL_EVENT_TYPES } from '../../src/application/features';
import type { StoredEvent } from '../../src/application/ports/event-store.port';
import type { PositionedDoc, ReadModelDoc } from '../../src/application/ports/read-store.port';
import { EventCatalog } from '../../src/application/shared/event-catalog';
import type { CallEvent } from '../../src/domain/call/call.events';
import type { CareTaskEvent } from '../../src/domain/care-task/care-task.events';
import type { CareVehicleEvent } from '../../src/domain/care-vehicle/care-vehicle.events';
import type { CareGreetingEvent } from '../../src/domain/care-greeting/care-greeting.events';
import type { ComplaintEvent } from '../../src/domain/complaint/complaint.events';
import type { CredentialEvent } from '../../src/domain/credential/credential.events';
import type { CustomerContactIndexed } from '../../src/domain/customer-index/customer-index';
import type { ClubActivityEvent } from '../../src/domain/club-activity/club-activity.events';
import type { FleetAccountEvent } from '../../src/domain/fleet-account/fleet-account.events';
import type { FleetOrderEvent } from '../../src/domain/fleet-order/fleet-order.events';
import type { GiftEvent } from '../../src/domain/gift/gift.events';
import type { LeadEvent } from '../../src/domain/lead/lead.events';
import type { MembershipEvent } from '../../src/domain/membership/membership.events';
import type { PrivacyEvent } from '../../src/domain/privacy/privacy.events';
import type { ProspectPhoneClaimed } from '../../src/domain/prospect/prospect-phone-index';
import type { ProspectEvent } from '../../src/domain/prospect/prospect.events';
import type { RepairOrderEvent } from '../../src/domain/repair-order/repair-order.events';
import type { CampaignEvent } from '../../src/domain/campaign/campaign.events';
import type { Actor, Event } from '../../src/domain/shared/event';
import type { WalkInGroupsLogged } from '../../src/domain/showroom/showroom-traffic';
import type { VehicleSaleEvent } from '../../src/domain/vehicle-sale/vehicle-sale.events';
import type { SalesTargetEvent } from '../../src/domain/sales-target/sales-target.events';
import type { ForecastWeightsSet } from '../../src/domain/forecast-weights/forecast-weights';
import type { RequiredFieldsSet } from '../../src/domain/required-fields/required-fields.decider';
import { applyGuarded } from '../../src/projections/shared/apply-guarded';

/** Every event the system writes: a spec may feed a projection events it does not handle. */
export type DomainEvent =
  | ComplaintEvent
  | RepairOrderEvent
  | ProspectEvent
  | ProspectPhoneClaimed
  | VehicleSaleEvent
  | WalkInGroupsLogged
  | SalesTargetEvent
  | ForecastWeightsSet
  | RequiredFieldsSet
  | MembershipEvent
  | CredentialEvent
  | PrivacyEvent
  | CustomerContactIndexed
  | CallEvent
  | LeadEvent
  | GiftEvent
  | CareGreetingEvent
  | CampaignEvent
  | FleetAccountEvent
  | FleetOrderEvent
  | CareTaskEvent
  | CareVehicleEvent
  | ClubActivityEvent;

/** The parts of the envelope a scenario may fix; the spec makes up the rest. */
export type EnvelopeParts = Readonly<{
  /** Default: the event's time from its data (its only `at`/`*At` field, or the one WHEN names). */
  occurredAt?: string;
  /** Default: `stream-<first field of the data>` (every aggregate's id leads its events' data). */
  streamId?: string;
  /** Default: `event-<global position>`. */
  eventId?: string;
  /** Default: SPEC_ACTOR. */
  actor?: Actor;
  /** Default: `correlation-<global position>`. */
  correlationId?: string;
}>;

type WithEnvelope<E> = E extends Event ? E & EnvelopeParts : never;
export type SpecEvent = WithEnvelope<DomainEvent>;

export const SPEC_ACTOR: Actor = { userId: 'u-spec', role: 'admin', dealerId: null };

type DeepPartial<T> = T extends readonly (infer U)[]
  ? readonly DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

const catalog = new EventCatalog(ALL_EVENT_TYPES);

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
};

type DataKey<T extends DomainEvent['type']> = keyof Extract<DomainEvent, { type: T }>['data'] & string;

/** The event's own time, for the types whose data holds other instants too (deadlines, earlier steps). */
const WHEN: { readonly [T in DomainEvent['type']]?: DataKey<T> } = {
  ComplaintClosed: 'closedAt',
  ClubActivityPlanned: 'plannedAt',
  CredentialIssued: 'issuedAt',
  PointsEarned: 'earnedAt',
  VoucherIssued: 'issuedAt',
  PointsAdjusted: 'adjustedAt',
  MembershipLapsed: 'lapsedAt',
  MembershipReEnrolled: 'reEnrolledAt',
  FollowUpScheduled: 'scheduledAt',
  FollowUpRecorded: 'contactedAt',
  RepairOrderSettled: 'settledAt',
  CsiSurveyRecorded: 'surveyedAt',
  OrderSigned: 'signedAt',
  VehicleDelivered: 'deliveredAt',
  FleetOrderSigned: 'signedAt',
  FleetOrderVehicleDelivered: 'deliveredAt',
  DeliveryCallbackRecorded: 'calledAt',
  CallAnswered: 'answeredAt',
  CallEnded: 'endedAt',
  CareTaskOpened: 'openedAt',
};

const timeOf = (event: SpecEvent): string => {
  if (event.occurredAt) return event.occurredAt;
  const data: Readonly<Record<string, unknown>> = event.data;
  const named = WHEN[event.type];
  const instants = Object.keys(data).filter((key) => key === 'at' || key.endsWith('At'));
  const key = named ?? (instants.length === 1 ? instants[0] : undefined);
  const at = key === undefined ? undefined : data[key];
  if (typeof at !== 'string')
    throw new Error(
      `${event.type}: no single time in its data (${instants.join(', ')}): give the spec event an occurredAt`,
    );
  return at;
};

/**
 * Stored envelopes as the event store would return them: global positions 1, 2, 3… in the order given,
 * revisions 0, 1, 2… per stream, the schema version the catalog registers. Frozen, as a projection must not
 * change what it reads.
 */
const storedEvents = (events: readonly SpecEvent[]): StoredEvent[] => {
  const revisions = new Map<string, number>();
  return events.map((event, index) => {
    const position = index + 1;
    const streamId = event.streamId ?? `stream-${String(Object.values(event.data)[0])}`;
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    const occurredAt = timeOf(event);
    return deepFreeze({
      eventId: event.eventId ?? `event-${position}`,
      type: event.type,
      schemaVersion: catalog.schemaVersionOf(event.type),
      data: event.data,
      occurredAt,
      metadata: {
        correlationId: event.correlationId ?? `correlation-${position}`,
        causationId: null,
        actor: event.actor ?? SPEC_ACTOR,
      },
      streamId,
      revision,
      globalPosition: position,
      recordedAt: occurredAt,
    });
  });
};

type Documents<Doc extends ReadModelDoc> = ReadonlyMap<string, PositionedDoc<Doc>>;

/**
 * What a spec needs of a ProjectionDefinition, with its envelope type as a parameter of its own so that it
 * is inferred from `documentIds` (the definition only names it through a conditional type).
 */
type SpecProjection<Env extends StoredEvent, Doc extends ReadModelDoc> = Readonly<{
  handles: readonly string[];
  documentIds: (event: Env) => readonly string[];
  apply: (doc: Doc | null, event: Env, id: string) => Doc;
}>;

/** What the runner does with a batch, in memory: route by `handles`, then the guarded apply. */
const project = <Env extends StoredEvent, Doc extends ReadModelDoc>(
  projection: SpecProjection<Env, Doc>,
  events: readonly StoredEvent[],
  start: Documents<Doc> = new Map(),
): Documents<Doc> => {
  const handles: ReadonlySet<string> = new Set(projection.handles);
  // The spec builds every envelope from a domain event of the type it names: one of Env when handled.
  const isHandled = (event: StoredEvent): event is Env => handles.has(event.type);
  const docs = new Map(start);
  for (const event of events) {
    if (!isHandled(event)) continue;
    const ids = projection.documentIds(event);
    for (const update of applyGuarded(projection, (id) => docs.get(id), event, ids))
      docs.set(update.id, deepFreeze(update));
  }
  return docs;
};

const valuesOf = <Doc extends ReadModelDoc>(docs: Documents<Doc>): Record<string, Doc> =>
  Object.fromEntries([...docs].map(([id, doc]) => [id, doc.value]));

/**
 * Projects the events once, then checks that every replay a crash can cause gives the very same documents
 * (values and positions): each event delivered twice in a row, and the whole history delivered again
 * over the documents of every prefix (documents committed ahead of the checkpoint).
 */
const projectCheckingReplays = <Env extends StoredEvent, Doc extends ReadModelDoc>(
  projection: SpecProjection<Env, Doc>,
  events: readonly StoredEvent[],
): Documents<Doc> => {
  const once = project(projection, events);
  const sameAsOnce = (replay: string, docs: Documents<Doc>) => {
    try {
      expect([...docs]).toEqual([...once]);
    } catch (error) {
      if (error instanceof Error) error.message = `${replay} changed the documents:\n${error.message}`;
      throw error;
    }
  };
  sameAsOnce(
    'every event applied twice in a row',
    project(
      projection,
      events.flatMap((event) => [event, event]),
    ),
  );
  for (let committed = 1; committed <= events.length; committed += 1) {
    const crashed = project(projection, events.slice(0, committed));
    sameAsOnce(
      `the history replayed over the documents of its first ${committed} events`,
      project(projection, events, crashed),
    );
  }
  return once;
};

/**
 * Emmett's ProjectionSpec, in memory: `given(history).when(events)` then what the read model holds. Global
 * positions run on from the given events through the `when` events, so the first event is `event-1`.
 */
export const projectionSpec = <Env extends StoredEvent, Doc extends ReadModelDoc>(
  projection: SpecProjection<Env, Doc>,
) => {
  const given = (history: readonly SpecEvent[]) => ({
    when: (events: readonly SpecEvent[]) => {
      const all = storedEvents([...history, ...events]);
      const run = () => projectCheckingReplays(projection, all);
      return {
        /** Exactly these documents, and no others. */
        then: (expected: Readonly<Record<string, Doc>>) => expect(valuesOf(run())).toEqual(expected),
        /** These documents exist and hold at least these fields (others may exist too). */
        thenMatches: (expected: Readonly<Record<string, DeepPartial<Doc>>>) => {
          const docs = valuesOf(run());
          for (const [id, fields] of Object.entries(expected)) {
            expect(Object.keys(docs)).toContain(id);
            expect(docs[id]).toMatchObject(fields);
          }
        },
        thenNoDocument: (id: string) => expect(Object.keys(valuesOf(run()))).not.toContain(id),
        /** The `when` events change no document, not even its position. */
        thenNothingChanges: () =>
          expect([...run()]).toEqual([...project(projection, all.slice(0, history.length))]),
        thenThrows: (message: string | RegExp) => expect(run).toThrow(message),
      };
    },
  });
  return { given, when: (events: readonly SpecEvent[]) => given([]).when(events) };
};
