import type { WorkerState } from '../../workers/projection-worker-link';
import type { SweepStatus } from '../../watchers/periodic-sweep';
import type { ProjectionState, ProjectionStatus } from '../../projections/projection-runner';
import type { ReactorState, ReactorStatus } from '../../reactors/reactor-runner';
import type { StoreDescription } from '../../stores';
import { CheckpointErrorView, LagView, LeaseOwnerView, RetryStatusView } from '../admin/admin.responses';

export class StoreHealthView implements StoreDescription {
  /** @example sqlite */
  adapter!: 'sqlite' | 'eventstoredb' | 'mongodb';
  /** The file or the URL, without its credentials. */
  location!: string;
  /** @example up */
  status!: 'up' | 'down';
  /** Why it did not answer (when down). */
  error?: string;
}

export class ProjectionStatusView implements ProjectionStatus {
  /** @example complaint-details */
  name!: string;
  version!: number;
  collection!: string;
  /** `retrying`: a store does not answer; `failed`: the projector's own code threw at an event. */
  state!: ProjectionState;
  position!: number;
  /** The event it stopped at. */
  error!: CheckpointErrorView | null;
  /** While `retrying`. */
  retry!: RetryStatusView | null;
  /** Null while the event store does not answer. */
  lag!: LagView | null;
  /**
   * The process that runs it, from its lease (`here`: this one; else its state and position are read from
   * its stored checkpoint); null while none does (a failover).
   */
  owner!: LeaseOwnerView | null;
}

export class ReactorStatusView implements ReactorStatus {
  name!: string;
  /** `retrying`: a store does not answer; `failed`: the reactor's own code threw at an event. */
  state!: ReactorState;
  position!: number;
  /** The event it stopped at. */
  error!: CheckpointErrorView | null;
  /** While `retrying`. */
  retry!: RetryStatusView | null;
  /** Null while the event store does not answer. */
  lag!: LagView | null;
  /**
   * The process that runs it, from its lease (`here`: this one; else its state and position are read from
   * its stored checkpoint); null while none does (a failover).
   */
  owner!: LeaseOwnerView | null;
}

export class LastSweep {
  at!: string;
  /** Records found due. */
  checked!: number;
  /** Commands sent for them. */
  recorded!: number;
}

export class SweepFailure {
  at!: string;
  message!: string;
}

export class WatcherStatusView implements SweepStatus {
  /** @example deadline-watcher */
  name!: string;
  /** 0: never sweeps. */
  intervalMs!: number;
  lastSweep!: LastSweep | null;
  lastError!: SweepFailure | null;
  /** The process whose timer sweeps (its lease; `intervalMs` is 0 in the others); null: none just now. */
  owner!: LeaseOwnerView | null;
}

export class ProjectionWorkerView implements WorkerState {
  /** `running` once its application has started; `restarting` after it ended unasked (backoff 1 s doubling to 30 s). */
  state!: 'starting' | 'running' | 'restarting' | 'stopped';
  /** Times it ended unasked and was started again. */
  restarts!: number;
  /** Why it last ended unasked or failed to start. */
  lastError!: string | null;
}

export class HealthView {
  /**
   * `degraded`: a projection or reactor this process (or its projection worker) runs stopped on an event
   * (`failed`) or waits out a store outage (`retrying`), or the projection worker is not running; one
   * another process runs does not make this one degraded; `down`: a store does not answer (503).
   */
  status!: 'ok' | 'degraded' | 'down';
  eventStore!: StoreHealthView;
  readStore!: StoreHealthView;
  /** This process runs projections, reactors and watchers: on its own event loop, or in its projection worker. */
  projectionsEnabled!: boolean;
  /**
   * The worker thread that runs this process's projections, reactors and watchers (`PROJECTION_WORKER=thread`,
   * `npm start`); null when they run on the API's own loop or in another process.
   */
  projectionWorker!: ProjectionWorkerView | null;
  projections!: ProjectionStatusView[];
  reactors!: ReactorStatusView[];
  /** The clock-driven watchers: their last sweep and last failure. */
  watchers!: WatcherStatusView[];
}
