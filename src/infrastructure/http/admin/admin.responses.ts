import type { CheckpointError } from '../../../application/ports/read-store.port';
import type { RebuildProgress, RebuildState } from '../../projections/projection-rebuilder';
import type {
  GenerationInfo,
  ProjectionListing,
  ProjectionListState,
} from '../../projections/projection-listing';
import type { RebuildJob } from '../../projections/rebuild-jobs';
import type { Lag } from '../../projections/runner-support';

export class LagView implements Lag {
  /** Events stored after the checkpoint. @example 0 */
  events!: number;
  /** Age of the oldest event not yet processed; 0 when caught up. @example 0 */
  ms!: number;
  /** @example 1200 */
  head!: number;
}

/** The event a runner stopped at, and why. */
export class CheckpointErrorView implements CheckpointError {
  message!: string;
  position!: number;
  eventId!: string;
  eventType!: string;
  streamId!: string;
  at!: string;
}

export class GenerationInfoView implements GenerationInfo {
  version!: number;
  generation!: number;
  /** @example complaints_v1_g2 */
  collection!: string;
  checkpoint!: number;
}

export class ProjectionListingView implements ProjectionListing {
  /** @example complaint-details */
  name!: string;
  /** Version of the deployed code. */
  version!: number;
  collection!: string;
  /** `stale`: the live generation is of another version than the deployed code: rebuild it. */
  state!: ProjectionListState;
  live!: GenerationInfoView;
  /** The generation a rebuild is building (or an interrupted one left). */
  building!: GenerationInfoView | null;
  lag!: LagView;
  error!: CheckpointErrorView | null;
}

export class ProjectionList {
  projections!: ProjectionListingView[];
}

export class RebuildProgressView implements RebuildProgress {
  /** @example ["sales-funnel-entries", "ssi-monthly"] */
  projections!: string[];
  state!: RebuildState;
  /** Position the shared reader started from (the lowest checkpoint of the generations being built). */
  startPosition!: number;
  position!: number;
  head!: number;
  eventsDone!: number;
  eventsTotal!: number;
  eventsPerSecond!: number;
  /** Estimated time left; null until there is a rate to go by. */
  etaMs!: number | null;
  elapsedMs!: number;
  error!: string | null;
}

export class RebuildJobView implements RebuildJob {
  /** @example 0190a6f4-3c1e-7a55-9d1e-5f0c2b8e4a11 */
  id!: string;
  progress!: RebuildProgressView;
  requestedAt!: string;
}
