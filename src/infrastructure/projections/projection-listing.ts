import type { CheckpointError, GenerationRef, Lease, Slot } from '../../application/ports/read-store.port';
import type { AnyProjection } from '../../projections/shared/projection';
import { generationCheckpoint, generationCollection } from './generations';
import type { ProjectionStatus } from './projection-runner';
import { lagOf, type Lag, type RunnerDeps } from './runner-support';
import type { RetryStatus } from './store-retry';

/**
 * - `running`: the live generation is kept current;
 * - `rebuilding`: a new generation is being built (or an interrupted one waits to be resumed);
 * - `stale`: the live generation is of another version than the deployed code: rebuild it;
 * - `retrying`: the live runner could not reach a store and resumes after a backoff (see `retry`);
 * - `failed`: the live runner stopped at an event (see `error`);
 * - `stopped`: no live runner (RUN_PROJECTIONS=false, or listed from the CLI with no checkpoint yet).
 */
export type ProjectionListState = 'running' | 'retrying' | 'rebuilding' | 'stale' | 'failed' | 'stopped';

/** An outage as another process sees it from the checkpoint: no time of the next attempt. */
export type ListedRetry = Pick<RetryStatus, 'attempt' | 'since' | 'lastError'>;

export type GenerationInfo = Readonly<{
  version: number;
  generation: number;
  collection: string;
  checkpoint: number;
}>;

/** Who holds the lease of a projection's live runner (the process that keeps it current). */
export type ListedOwner = Readonly<{
  owner: string;
  /** The process that answers (false from the CLI, which runs no projection). */
  here: boolean;
  epoch: number;
  expiresAt: string;
}>;

export type ProjectionListing = Readonly<{
  name: string;
  /** Version of the deployed code. */
  version: number;
  collection: string;
  state: ProjectionListState;
  live: GenerationInfo;
  building: GenerationInfo | null;
  lag: Lag;
  error: CheckpointError | null;
  retry: ListedRetry | null;
  /** The process running it (from its lease); null: none just now (none runs projections, or a failover). */
  owner: ListedOwner | null;
}>;

/** Where every projection stands, from the slots and checkpoints alone: the CLI and the admin API agree. */
export const listProjections = async (
  deps: Pick<RunnerDeps, 'eventStore' | 'readStore' | 'clock'>,
  definitions: readonly AnyProjection[],
  runnerStatus: (name: string) => Pick<ProjectionStatus, 'state' | 'retry'> | undefined = () => undefined,
  options: Readonly<{ leaseOwner?: string }> = {},
): Promise<ProjectionListing[]> => {
  const slots = new Map((await deps.readStore.listSlots()).map((slot) => [slot.collection, slot]));
  const now = Date.now();
  const leases = new Map(
    (await deps.readStore.listLeases())
      .filter((lease) => lease.expiresAt > now)
      .map((lease) => [lease.name, lease]),
  );
  const rows: ProjectionListing[] = [];
  for (const definition of definitions) {
    const slot: Pick<Slot, 'live' | 'building'> = slots.get(definition.collection) ?? {
      live: { version: definition.version, generation: 0 },
      building: null,
    };
    const info = async (ref: GenerationRef) => {
      const checkpoint = await deps.readStore.readCheckpoint(generationCheckpoint(definition.name, ref));
      return {
        info: {
          ...ref,
          collection: generationCollection(definition.collection, ref),
          checkpoint: checkpoint?.position ?? 0,
        },
        checkpoint,
      };
    };
    const live = await info(slot.live);
    const building = slot.building ? (await info(slot.building)).info : null;
    const error = live.checkpoint?.status === 'failed' ? live.checkpoint.error : null;
    const inProcess = runnerStatus(definition.name);
    const stored = live.checkpoint?.status === 'retrying' ? live.checkpoint.error : null;
    const retry: ListedRetry | null = inProcess
      ? inProcess.retry
      : stored && { attempt: stored.attempt ?? 1, since: stored.at, lastError: stored.message };
    const state: ProjectionListState =
      slot.live.version !== definition.version
        ? building
          ? 'rebuilding'
          : 'stale'
        : building
          ? 'rebuilding'
          : (inProcess?.state ??
            (error ? 'failed' : retry ? 'retrying' : live.checkpoint ? 'running' : 'stopped'));
    rows.push({
      name: definition.name,
      version: definition.version,
      collection: definition.collection,
      state,
      live: live.info,
      building,
      lag: await lagOf(deps, live.info.checkpoint),
      error,
      retry,
      owner: ownerOf(leases.get(`projection:${definition.name}`), options.leaseOwner),
    });
  }
  return rows;
};

const ownerOf = (lease: Lease | undefined, here: string | undefined): ListedOwner | null =>
  lease
    ? {
        owner: lease.owner,
        here: lease.owner === here,
        epoch: lease.epoch,
        expiresAt: new Date(lease.expiresAt).toISOString(),
      }
    : null;
