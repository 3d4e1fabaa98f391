import { EventCatalog } from '../../src/application/shared/event-catalog';
import { ALL_EVENT_TYPES, ALL_PROJECTIONS } from '../../src/application/features';
import type { EventStore } from '../../src/application/ports/event-store.port';
import type { ReadStore } from '../../src/application/ports/read-store.port';
import {
  ProjectionRunner,
  type ProjectionStatus,
} from '../../src/infrastructure/projections/projection-runner';

/**
 * Every projection built over the events whose business time is at or before `asOf` (all events when
 * `asOf` is undefined), fed from one reader of the log through the runners' own `handleBatch`.
 */
export const buildProjectionsAsOf = async (
  eventStore: EventStore,
  readStore: ReadStore,
  asOf?: string,
): Promise<ProjectionStatus[]> => {
  const deps = {
    eventStore,
    readStore,
    clock: () => new Date(),
    upcast: new EventCatalog(ALL_EVENT_TYPES).upcast,
    log: () => undefined,
  };
  const runners = ALL_PROJECTIONS.map((definition) => new ProjectionRunner(deps, definition));
  for (const runner of runners) await runner.load();
  const limit = asOf === undefined ? Number.POSITIVE_INFINITY : Date.parse(asOf);
  for (let after = 0; ;) {
    const batch = await eventStore.readAll({ after, limit: 2_000 });
    if (batch.length === 0) break;
    after = batch[batch.length - 1].globalPosition;
    const included = batch.filter((event) => Date.parse(event.occurredAt) <= limit);
    if (included.length > 0) for (const runner of runners) await runner.handleBatch(included);
  }
  for (const runner of runners) await runner.flush();
  return Promise.all(runners.map((runner) => runner.status()));
};
