import { ApiProperty } from '@nestjs/swagger';
import type { CheckpointError } from '../../../application/ports/read-store.port';
import type { RebuildProgress, RebuildState } from '../../projections/projection-rebuilder';
import type {
  GenerationInfo,
  ListedRetry,
  ListedOwner,
  ProjectionListing,
  ProjectionListState,
} from '../../projections/projection-listing';
import type { RebuildJob } from '../../projections/rebuild-jobs';
import type { Lag } from '../../projections/runner-support';
import type { RetryStatus } from '../../projections/store-retry';

export class LagView implements Lag {
  /**
   * Events stored after the checkpoint; `unknown` when the store cannot count them cheaply (EventStoreDB,
   * whose positions are byte offsets: see `ms`). @example 0
   */
  // The plugin reads a union of a number and a literal as `object`: the two shapes are spelt out here.
  @ApiProperty({
    oneOf: [
      { type: 'integer', minimum: 0 },
      { type: 'string', enum: ['unknown'] },
    ],
  })
  events!: number | 'unknown';
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
  /** Only on a `retrying` checkpoint: failed attempts in a row (`at`: when the outage began). */
  attempt?: number;
}

/** A store outage a runner is waiting out; it resumes from its checkpoint. */
export class RetryStatusView implements RetryStatus {
  /** Failed attempts in a row. @example 3 */
  attempt!: number;
  /** When the outage began. */
  since!: string;
  /** The last store error, as the adapter reported it. */
  lastError!: string;
  nextAttemptAt!: string;
}

/** A store outage the live runner is waiting out. */
export class ListedRetryView implements ListedRetry {
  /** Failed attempts in a row. @example 3 */
  attempt!: number;
  /** When the outage began. */
  since!: string;
  /** The last store error, as the adapter reported it. */
  lastError!: string;
}

export class GenerationInfoView implements GenerationInfo {
  version!: number;
  generation!: number;
  /** @example complaints_v1_g2 */
  collection!: string;
  checkpoint!: number;
}

export class LeaseOwnerView implements ListedOwner {
  /** The process's name among lease owners: host, pid and a random part. @example worker-2:41:3f9c2a1b */
  owner!: string;
  /** True when it is the process that answers. */
  here!: boolean;
  /** Grows at every change of hands; the writes of the work name it. */
  epoch!: number;
  /** When the lease ends unless renewed (it is renewed every third of LEASE_MS). */
  expiresAt!: string;
}

export class ProjectionListingView implements ProjectionListing {
  /** @example complaint-details */
  name!: string;
  /** Version of the deployed code. */
  version!: number;
  collection!: string;
  /**
   * `stale`: the live generation is of another version than the deployed code: rebuild it; `retrying`: a
   * store does not answer, the runner resumes from its checkpoint after a backoff (see `retry`).
   */
  state!: ProjectionListState;
  live!: GenerationInfoView;
  /** The generation a rebuild is building (or an interrupted one left). */
  building!: GenerationInfoView | null;
  lag!: LagView;
  error!: CheckpointErrorView | null;
  /** While `retrying`: the attempts and the last store error. */
  retry!: ListedRetryView | null;
  /** The process that keeps it current (its lease); null while none does (none runs projections, or a failover). */
  owner!: LeaseOwnerView | null;
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
  /** Why a `failed` rebuild failed; for a `stopped` one another rebuild superseded, `superseded: …`; else null. */
  error!: string | null;
  /** While a store does not answer: the rebuild resumes from its checkpoints after a backoff. */
  retry!: RetryStatusView | null;
}

export class RebuildJobView implements RebuildJob {
  /** @example 0190a6f4-3c1e-7a55-9d1e-5f0c2b8e4a11 */
  id!: string;
  progress!: RebuildProgressView;
  requestedAt!: string;
}
