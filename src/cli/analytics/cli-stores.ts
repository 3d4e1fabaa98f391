import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { ALL_EVENT_TYPES, ALL_PROJECTIONS } from '../../application/features';
import type { EventStore } from '../../application/ports/event-store.port';
import type { ReadStore } from '../../application/ports/read-store.port';
import { EventCatalog } from '../../application/shared/event-catalog';
import { loadConfig } from '../../infrastructure/config/app-config';
import type { RunnerDeps } from '../../infrastructure/projections/runner-support';
import { SqliteReadStore } from '../../infrastructure/sqlite/sqlite-read-store';
import { openEventStore, openReadStore } from '../../infrastructure/stores';
import type { AnyProjection } from '../../projections/shared/projection';
import { UsageError } from '../cli-command';

/** The read-model file of a scratch directory written by `crm replay`. */
export const SCRATCH_FILE = 'read-models.sqlite';

/** The live read store of the configuration, or the scratch store of a `crm replay --out <dir>`. */
export const openAnalyticsReadStore = async (from: string | undefined): Promise<ReadStore> => {
  if (!from) return openReadStore(loadConfig());
  const file = join(resolve(from), SCRATCH_FILE);
  if (!existsSync(file))
    throw new Error(
      `${from} holds no replay (${SCRATCH_FILE} is missing): run "crm replay --out ${from}" first`,
    );
  return SqliteReadStore.open(file);
};

/** What a runner needs, for a process with no Nest application: the configured event store. */
export const runnerDeps = async (readStore: ReadStore, eventStore?: EventStore): Promise<RunnerDeps> => ({
  eventStore: eventStore ?? (await openEventStore(loadConfig())),
  readStore,
  clock: () => new Date(),
  upcast: new EventCatalog(ALL_EVENT_TYPES).upcast,
  log: (level, message) => process.stderr.write(`${level}: ${message}\n`),
});

/**
 * Projection names → definitions; `--all`, or the name `all` alone (as the admin route takes it), gives
 * every projection.
 */
export const projectionsNamed = (names: readonly string[], all: boolean): AnyProjection[] => {
  if (all || (names.length === 1 && names[0] === 'all')) return [...ALL_PROJECTIONS];
  if (names.length === 0)
    throw new Error('name at least one projection, or use --all: see "crm projections list"');
  return names.map((name) => {
    const definition = ALL_PROJECTIONS.find((projection) => projection.name === name);
    if (!definition)
      throw new Error(
        `no projection named ${name}: known are ${ALL_PROJECTIONS.map((projection) => projection.name).join(', ')}`,
      );
    return definition;
  });
};

/**
 * A projection name or a collection name (logical, `<collection>_v<version>`, or a generation's
 * `<collection>_v<version>_g<generation>`) → the name readers use. Anything else is refused: an unknown name
 * would read as an empty collection and look like a read model with no rows.
 */
export const readNameOf = (target: string): string => {
  const byProjection = ALL_PROJECTIONS.find(
    (projection) => projection.name === target || projection.collection === target,
  );
  if (byProjection) return `${byProjection.collection}_v${byProjection.version}`;
  const physical = ALL_PROJECTIONS.some((projection) =>
    new RegExp(`^${projection.collection}_v\\d+(_g\\d+)?$`).test(target),
  );
  if (physical) return target;
  throw new UsageError(
    `${target} is neither a projection nor a collection: known projections are ${ALL_PROJECTIONS.map((projection) => projection.name).join(', ')} (their collections: ${ALL_PROJECTIONS.map((projection) => projection.collection).join(', ')})`,
  );
};
