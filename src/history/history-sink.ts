import type {
  EventStore,
  ExpectedRevision,
  NewEvent,
  StreamAppend,
} from '../application/ports/event-store.port';

/**
 * Where the writer's events go: buffered, then appended in batches. A store with `appendBatch` (SQLite)
 * takes a whole batch in one transaction; any other (EventStoreDB) takes it one stream append at a time,
 * each still checked against the expected revision the writer tracked.
 */
export class HistorySink {
  private buffer: StreamAppend[] = [];
  private buffered = 0;
  written = 0;

  constructor(
    private readonly eventStore: EventStore,
    private readonly batchEvents: number,
  ) {}

  async add(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<void> {
    this.buffer.push({ streamId, events, expected });
    this.buffered += events.length;
    if (this.buffered >= this.batchEvents) await this.flush();
  }

  async flush(): Promise<void> {
    const appends = this.buffer;
    if (appends.length === 0) return;
    this.buffer = [];
    if (this.eventStore.appendBatch) {
      await this.eventStore.appendBatch(appends);
    } else {
      for (const append of appends)
        await this.eventStore.appendToStream(append.streamId, append.events, append.expected);
    }
    this.written += this.buffered;
    this.buffered = 0;
  }
}
