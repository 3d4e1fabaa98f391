import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '../../src/application/ports/event-store.port';
import type { ReadStore } from '../../src/application/ports/read-store.port';
import { ALL_EVENT_TYPES } from '../../src/application/features';
import { EventCatalog } from '../../src/application/shared/event-catalog';
import type { RunnerDeps } from '../../src/infrastructure/projections/runner-support';
import { complaintDetailsProjection } from '../../src/projections/complaint-details/complaint-details.projection';
import { complaintSlaMonthlyProjection } from '../../src/projections/complaint-sla-monthly/complaint-sla-monthly.projection';
import { type AnyProjection, physicalCollection } from '../../src/projections/shared/projection';

/** The projections of the complaint histories the engine tests write. */
export const COMPLAINT_PROJECTIONS: readonly AnyProjection[] = [
  complaintDetailsProjection,
  complaintSlaMonthlyProjection,
];

export const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file: (name: string) => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
};

export const runnerDeps = (eventStore: EventStore, readStore: ReadStore): RunnerDeps => ({
  eventStore,
  readStore,
  clock: () => new Date('2026-04-01T00:00:00.000Z'),
  upcast: new EventCatalog(ALL_EVENT_TYPES).upcast,
  log: () => undefined,
});

/** Every document of every projection, sorted, with the position each was last written at. */
export const snapshotReadModels = async (
  readStore: ReadStore,
  projections: readonly AnyProjection[],
): Promise<Record<string, unknown[]>> => {
  const snapshot: Record<string, unknown[]> = {};
  for (const projection of projections) {
    const collection = physicalCollection(projection);
    const docs = await readStore.find(collection, {});
    snapshot[collection] = docs.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return snapshot;
};
