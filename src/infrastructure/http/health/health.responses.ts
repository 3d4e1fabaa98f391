import type { SweepStatus } from '../../watchers/periodic-sweep';
import type { ProjectionState, ProjectionStatus } from '../../projections/projection-runner';
import type { ReactorStatus } from '../../reactors/reactor-runner';
import type { StoreDescription } from '../../stores';
import { CheckpointErrorView, LagView } from '../admin/admin.responses';

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
  state!: ProjectionState;
  position!: number;
  /** The event it stopped at. */
  error!: CheckpointErrorView | null;
  lag!: LagView;
}

export class ReactorStatusView implements ReactorStatus {
  name!: string;
  state!: 'stopped' | 'running' | 'failed';
  position!: number;
  /** The event it stopped at. */
  error!: CheckpointErrorView | null;
  lag!: LagView;
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
}

export class HealthView {
  /** `degraded`: a projection or reactor stopped on an event; `down`: a store does not answer (503). */
  status!: 'ok' | 'degraded' | 'down';
  eventStore!: StoreHealthView;
  readStore!: StoreHealthView;
  projectionsEnabled!: boolean;
  projections!: ProjectionStatusView[];
  reactors!: ReactorStatusView[];
  /** The clock-driven watchers: their last sweep and last failure. */
  watchers!: WatcherStatusView[];
}
