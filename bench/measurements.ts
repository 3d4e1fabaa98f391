import Database from 'better-sqlite3';
import type { EventStore, NewEvent } from '../src/application/ports/event-store.port';
import type { ReadStore } from '../src/application/ports/read-store.port';
import { ALL_EVENT_TYPES } from '../src/application/event-types';
import { EventCatalog } from '../src/application/shared/event-catalog';
import { ProjectionRunner } from '../src/infrastructure/projections/projection-runner';
import type { RunnerDeps } from '../src/infrastructure/projections/runner-support';
import { SqliteEventStore } from '../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../src/infrastructure/sqlite/sqlite-read-store';
import { type AnyProjection, physicalCollection } from '../src/projections/shared/projection';
import {
  complaintAcknowledged,
  complaintFiled,
  complaintHistory,
  dealerIdOf,
  type HistoryOptions,
  prng,
  streamBatch,
} from './complaint-events';
import { nowMs, removeSqlite } from './support';

export type Timed = Readonly<{ events: number; ms: number }>;

/** Batched appends: `batchSize` events per call, `appendsPerStream` calls per stream ('no_stream' then exact). */
export const appendBatched = async (
  file: string,
  events: number,
  batchSize: number,
  seed: number,
): Promise<Timed> => {
  const appendsPerStream = 5;
  const store = SqliteEventStore.open(file);
  const random = prng(seed);
  const streams = Math.ceil(events / (batchSize * appendsPerStream));
  let written = 0;
  let ms = 0;
  try {
    for (let s = 0; s < streams && written < events; s += 1) {
      const complaintId = `bat-${seed}-${s}`;
      let revision = -1;
      for (let a = 0; a < appendsPerStream && written < events; a += 1) {
        // Built outside the timed region: only the store's work (serialise, insert, commit, fsync) counts.
        const batch = streamBatch(
          random,
          complaintId,
          dealerIdOf(s % 40),
          Math.min(batchSize, events - written),
        );
        const started = nowMs();
        const result = await store.appendToStream(
          `complaint-${complaintId}`,
          batch,
          a === 0 ? 'no_stream' : revision,
        );
        ms += nowMs() - started;
        revision = result.nextExpectedRevision;
        written += batch.length;
      }
    }
  } finally {
    await store.close();
    removeSqlite(file);
  }
  return { events: written, ms };
};

/** One event per call: each call is its own IMMEDIATE transaction, commit and fsync. */
export const appendOneByOne = async (file: string, events: number, seed: number): Promise<Timed> => {
  const store = SqliteEventStore.open(file);
  const random = prng(seed);
  const calls: Array<{ streamId: string; event: NewEvent; expected: 'no_stream' | 0 }> = [];
  for (let c = 0; calls.length < events; c += 1) {
    const complaintId = `one-${seed}-${c}`;
    const filedAt = new Date(Date.UTC(2025, 5, 1) + c * 60_000).toISOString();
    const filed = complaintFiled(random, { complaintId, dealerId: dealerIdOf(c % 40), filedAt });
    calls.push({ streamId: `complaint-${complaintId}`, event: filed, expected: 'no_stream' });
    if (calls.length < events) {
      const ack = complaintAcknowledged(
        random,
        filed,
        new Date(Date.parse(filedAt) + 3_600_000).toISOString(),
      );
      calls.push({ streamId: `complaint-${complaintId}`, event: ack, expected: 0 });
    }
  }
  try {
    const started = nowMs();
    for (const call of calls) await store.appendToStream(call.streamId, [call.event], call.expected);
    return { events: calls.length, ms: nowMs() - started };
  } finally {
    await store.close();
    removeSqlite(file);
  }
};

/**
 * Writes the history through the store's own `appendToStream`, one call per event (Filed with 'no_stream',
 * Acknowledged with 0), in business-time order. The store should be opened with `durability: 'normal'`
 * (a bulk load that can be started again), so set-up does not wait for 200,000 fsyncs: it is set-up, not
 * a measurement.
 */
export const writeHistory = async (
  store: SqliteEventStore,
  options: HistoryOptions,
): Promise<Timed & { complaints: number }> => {
  const history = complaintHistory(options);
  let complaints = 0;
  let events = 0;
  const started = nowMs();
  for (const entry of history) {
    await store.appendToStream(entry.streamId, [entry.event], entry.expected);
    if (entry.expected === 'no_stream') complaints += 1;
    events += 1;
  }
  return { events, ms: nowMs() - started, complaints };
};

/** The bare minimum any reader does: page through the table and parse the two JSON columns. */
export const rawScan = (file: string): Timed => {
  const db = new Database(file, { readonly: true });
  try {
    const page = db.prepare<[number], { position: number; data: string; metadata: string }>(
      'SELECT position, stream_id, type, data, metadata, occurred_at, recorded_at FROM events WHERE position > ? ORDER BY position LIMIT 1000',
    );
    let after = 0;
    let events = 0;
    let sink = 0;
    const started = nowMs();
    for (;;) {
      const rows = page.all(after);
      if (rows.length === 0) break;
      for (const row of rows) {
        const data = JSON.parse(row.data) as Record<string, unknown>;
        const metadata = JSON.parse(row.metadata) as Record<string, unknown>;
        if (data.complaintId && metadata.actor) sink += 1;
      }
      events += rows.length;
      after = rows[rows.length - 1].position;
    }
    const ms = nowMs() - started;
    if (sink !== events) throw new Error(`raw scan parsed ${sink} of ${events} rows`);
    return { events, ms };
  } finally {
    db.close();
  }
};

/** The store's own `readAll` loop with no projection: the read share of a rebuild. */
export const storeScan = async (store: EventStore): Promise<Timed> => {
  let after = 0;
  let events = 0;
  const started = nowMs();
  for (;;) {
    const batch = await store.readAll({ after, limit: 1000 });
    if (batch.length === 0) break;
    events += batch.length;
    after = batch[batch.length - 1].globalPosition;
  }
  return { events, ms: nowMs() - started };
};

export type Breakdown = {
  readAll: number;
  handleBatch: number;
  getMany: number;
  commitBatch: number;
  commits: number;
  docWrites: number;
};
export type RebuildResult = Timed & {
  projections: string[];
  breakdownMs: Breakdown;
  handleMsByProjection: Record<string, number>;
  docs: Record<string, number>;
};

/** Times `getMany` and `commitBatch` of a read store without changing what they do. */
const timedReadStore = (inner: SqliteReadStore, breakdown: Breakdown): ReadStore =>
  new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => Promise<unknown>;
      if (property === 'getMany' || property === 'commitBatch') {
        const key = property;
        return async (...args: unknown[]) => {
          if (key === 'commitBatch') {
            breakdown.commits += 1;
            breakdown.docWrites += (args[0] as { docs: readonly unknown[] }).docs.length;
          }
          const started = nowMs();
          try {
            return await fn.apply(target, args);
          } finally {
            breakdown[key] += nowMs() - started;
          }
        };
      }
      return fn.bind(target);
    },
  });

/**
 * A full rebuild of `projections` on a fresh read store: one `readAll` loop (1,000 events a page), each page
 * handed to every runner's `handleBatch` in turn, exactly as the runner's own subscription would.
 */
export const rebuild = async (
  eventStore: EventStore,
  readStoreFile: string,
  projections: readonly AnyProjection[],
): Promise<RebuildResult> => {
  const inner = SqliteReadStore.open(readStoreFile);
  const breakdownMs: Breakdown = {
    readAll: 0,
    handleBatch: 0,
    getMany: 0,
    commitBatch: 0,
    commits: 0,
    docWrites: 0,
  };
  const readStore = timedReadStore(inner, breakdownMs);
  const deps: RunnerDeps = {
    eventStore,
    readStore,
    clock: () => new Date(),
    upcast: new EventCatalog(ALL_EVENT_TYPES).upcast,
    log: () => undefined,
  };
  try {
    for (const definition of projections) {
      await inner.ensureCollection(physicalCollection(definition), definition.indexes);
    }
    const runners = projections.map((definition) => new ProjectionRunner(deps, definition));
    const handleMsByProjection: Record<string, number> = Object.fromEntries(
      projections.map((p) => [p.name, 0]),
    );
    let after = 0;
    let events = 0;
    const started = nowMs();
    for (;;) {
      const readStarted = nowMs();
      const batch = await eventStore.readAll({ after, limit: 1000 });
      breakdownMs.readAll += nowMs() - readStarted;
      if (batch.length === 0) break;
      for (const runner of runners) {
        const handleStarted = nowMs();
        await runner.handleBatch(batch);
        handleMsByProjection[runner.definition.name] += nowMs() - handleStarted;
      }
      events += batch.length;
      after = batch[batch.length - 1].globalPosition;
    }
    const ms = nowMs() - started;
    breakdownMs.handleBatch = Object.values(handleMsByProjection).reduce((a, b) => a + b, 0);
    const docs: Record<string, number> = {};
    for (const definition of projections) {
      docs[definition.name] = await inner.count(physicalCollection(definition), {});
    }
    return {
      events,
      ms,
      projections: projections.map((p) => p.name),
      breakdownMs,
      handleMsByProjection,
      docs,
    };
  } finally {
    await inner.close();
    removeSqlite(readStoreFile);
  }
};
