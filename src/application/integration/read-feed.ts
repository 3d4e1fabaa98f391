import { Inject, Injectable } from '@nestjs/common';
import { roleMay } from '../access/access-policy';
import { isDealerBound, type Principal } from '../access/principal';
import { EVENT_STORE, type EventStore, type StoredEvent } from '../ports/event-store.port';
import { PersonalDataRevealer } from '../privacy/personal-data-revealer';
import { EventCatalog } from '../shared/event-catalog';
import { encodeFeedCursor } from './feed-cursor';
import { type AnyIntegrationMapping, type CloudEvent, RECORD_KINDS } from './integration-event';
import { INTEGRATION_MAPPINGS } from './integration-mappings';

/** Most items one page holds. */
export const FEED_MAX_LIMIT = 500;
/** Most store events one request looks at: a narrow filter over a long log answers a short page, not a slow one. */
export const FEED_SCAN_LIMIT = 5_000;
const BATCH = 500;

export type FeedRequest = Readonly<{
  /** Store position to read after (decoded from the cursor). */
  after: number;
  limit: number;
  /** Public types to keep; all when absent. */
  types?: readonly string[];
  dealerId?: string;
}>;

export type FeedPage = Readonly<{
  items: CloudEvent[];
  /** Where the next page starts; the request's own cursor when nothing new was found. */
  next: string;
  /** True when the page reached the end of the log: poll again later with `next`. */
  caughtUp: boolean;
}>;

/** One integration event before its personal data is revealed, with where it sits in the log. */
export type FeedItem = Readonly<{ position: number; event: CloudEvent }>;

/**
 * The integration events of the records a principal may see, in log order, from a store position. Only
 * mapped types leave (INTEGRATION_MAPPINGS); a dealer-bound principal sees only their dealer's, and only
 * the kinds of record their role may read. Personal data is revealed as their role may see it.
 */
@Injectable()
export class ReadFeed {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly catalog: EventCatalog,
    private readonly revealer: PersonalDataRevealer,
  ) {}

  headPosition(): Promise<number> {
    return this.eventStore.headPosition();
  }

  async page(request: FeedRequest, principal: Principal): Promise<FeedPage> {
    const dealerId = isDealerBound(principal.role) ? (principal.dealerId ?? '') : request.dealerId;
    const wanted = (entry: AnyIntegrationMapping) =>
      roleMay(principal.role, RECORD_KINDS[entry.record].read) &&
      (!request.types || request.types.includes(entry.type));
    const limit = Math.min(request.limit, FEED_MAX_LIMIT);
    const { items, position, caughtUp } = await this.scan(request.after, limit, wanted, dealerId);
    const revealed = await this.revealer.reveal(
      items.map((item) => item.event),
      principal,
    );
    return { items: revealed, next: encodeFeedCursor(position), caughtUp };
  }

  /**
   * Reads the log after `after` until `limit` items matched, the log ends or FEED_SCAN_LIMIT events were
   * looked at; `position` is the last event looked at, so a filtered page still moves on.
   */
  async scan(
    after: number,
    limit: number,
    wanted: (entry: AnyIntegrationMapping) => boolean,
    dealerId?: string,
  ): Promise<{ items: FeedItem[]; position: number; caughtUp: boolean }> {
    const items: FeedItem[] = [];
    const streams = new Map<string, Promise<StoredEvent[]>>();
    let position = after;
    let scanned = 0;
    while (scanned < FEED_SCAN_LIMIT) {
      const batch = await this.eventStore.readAll({
        after: position,
        limit: Math.min(BATCH, FEED_SCAN_LIMIT - scanned),
      });
      if (batch.length === 0) return { items, position, caughtUp: true };
      for (const stored of batch) {
        scanned += 1;
        position = stored.globalPosition;
        const entry = INTEGRATION_MAPPINGS.get(stored.type);
        if (entry && wanted(entry)) {
          const event = await this.toCloudEvent(entry, stored, streams);
          if (event && (dealerId === undefined || event.dealerid === dealerId)) {
            items.push({ position, event });
            if (items.length >= limit) return { items, position, caughtUp: false };
          }
        }
      }
    }
    return { items, position, caughtUp: false };
  }

  /** The integration event of a stored event; undefined when it has none (or names no dealer). */
  async cloudEventOf(
    stored: StoredEvent,
    streams: Map<string, Promise<StoredEvent[]>> = new Map(),
  ): Promise<CloudEvent | undefined> {
    const entry = INTEGRATION_MAPPINGS.get(stored.type);
    return entry ? this.toCloudEvent(entry, stored, streams) : undefined;
  }

  private async toCloudEvent(
    entry: AnyIntegrationMapping,
    stored: StoredEvent,
    streams: Map<string, Promise<StoredEvent[]>>,
  ): Promise<CloudEvent | undefined> {
    const { data } = this.catalog.upcast(stored);
    const dealerId = (entry.dealerOf(data) as string | null) ?? (await this.dealerAt(stored, streams));
    if (!dealerId) return undefined;
    const recordId = entry.recordId(data) as string;
    return {
      specversion: '1.0',
      id: stored.eventId,
      source: `/dealers/${dealerId}/${RECORD_KINDS[entry.record].path}/${recordId}`,
      type: entry.type,
      subject: recordId,
      time: stored.occurredAt,
      datacontenttype: 'application/json',
      dealerid: dealerId,
      data: { ...entry.data(data), ...(entry.dealerOf(data) === null ? { dealerId } : {}) },
    };
  }

  /** The dealer the record's stream last named before this event (a complaint moves when transferred). */
  private async dealerAt(
    stored: StoredEvent,
    streams: Map<string, Promise<StoredEvent[]>>,
  ): Promise<string | undefined> {
    let events = streams.get(stored.streamId);
    if (!events) {
      events = this.eventStore.readStream(stored.streamId);
      streams.set(stored.streamId, events);
    }
    let dealer: string | undefined;
    for (const earlier of await events) {
      if (earlier.revision >= stored.revision) break;
      const named = earlier.data.dealerId;
      if (typeof named === 'string') dealer = named;
    }
    return dealer;
  }
}
