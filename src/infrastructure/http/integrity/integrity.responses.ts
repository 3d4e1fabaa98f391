import type {
  StoreIntegrityReport,
  StreamIntegrityReport,
} from '../../../application/integrity/integrity.service';
import type { ChainBreak } from '../../../application/shared/hash-chain';

/** The first event whose hash, or link to the event before, does not match. */
export class ChainBreakView implements ChainBreak {
  /** @example complaint-c-2 */
  streamId!: string;
  revision!: number;
  globalPosition!: number;
  eventId!: string;
  reason!: 'missing-hash' | 'previous-hash-mismatch' | 'hash-mismatch' | 'revision-gap';
  detail!: string;
}

export class StreamIntegrityView implements StreamIntegrityReport {
  /** @example complaint-c-1 */
  streamId!: string;
  /** Up to the first break. */
  eventsChecked!: number;
  intact!: boolean;
  firstBreak!: ChainBreakView | null;
}

export class StoreIntegrityView implements StoreIntegrityReport {
  streamsChecked!: number;
  eventsChecked!: number;
  intact!: boolean;
  /** The break with the lowest global position. */
  firstBreak!: ChainBreakView | null;
  /** The first break of each broken stream, at most 100. */
  brokenStreams!: ChainBreakView[];
}
