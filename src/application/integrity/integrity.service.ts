import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../ports/event-store.port';
import { type ChainBreak, checkLink, GENESIS_HASH } from '../shared/hash-chain';

export type StreamIntegrityReport = Readonly<{
  streamId: string;
  eventsChecked: number;
  intact: boolean;
  firstBreak: ChainBreak | null;
}>;

export type StoreIntegrityReport = Readonly<{
  streamsChecked: number;
  eventsChecked: number;
  intact: boolean;
  /** The break with the lowest global position. */
  firstBreak: ChainBreak | null;
  /** The first break of each broken stream, at most `limit`. */
  brokenStreams: ChainBreak[];
}>;

const BATCH = 1000;

/** Recomputes the hash chains of the event streams and reports where they break. */
@Injectable()
export class IntegrityService {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async verifyStream(streamId: string): Promise<StreamIntegrityReport> {
    const events = await this.eventStore.readStream(streamId);
    let previous = GENESIS_HASH;
    for (const [index, event] of events.entries()) {
      const { broken, hash } = checkLink(event, previous, index);
      if (broken) return { streamId, eventsChecked: index + 1, intact: false, firstBreak: broken };
      previous = hash;
    }
    return { streamId, eventsChecked: events.length, intact: true, firstBreak: null };
  }

  /** One pass over all events in global order; memory grows with the number of streams, not events. */
  async verifyAll(limit = 100): Promise<StoreIntegrityReport> {
    const chains = new Map<string, { hash: string; next: number } | 'broken'>();
    const brokenStreams: ChainBreak[] = [];
    let eventsChecked = 0;
    let after = 0;
    for (;;) {
      const batch = await this.eventStore.readAll({ after, limit: BATCH });
      if (batch.length === 0) break;
      for (const event of batch) {
        eventsChecked += 1;
        const chain = chains.get(event.streamId) ?? { hash: GENESIS_HASH, next: 0 };
        if (chain === 'broken') continue;
        const { broken, hash } = checkLink(event, chain.hash, chain.next);
        if (broken) {
          chains.set(event.streamId, 'broken');
          if (brokenStreams.length < limit) brokenStreams.push(broken);
        } else {
          chains.set(event.streamId, { hash, next: chain.next + 1 });
        }
      }
      after = batch[batch.length - 1].globalPosition;
    }
    return {
      streamsChecked: chains.size,
      eventsChecked,
      intact: brokenStreams.length === 0,
      firstBreak: brokenStreams[0] ?? null,
      brokenStreams,
    };
  }
}
