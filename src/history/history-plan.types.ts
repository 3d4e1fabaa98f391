import type { Actor } from '../domain/shared/event';

/** The deciders a planned command goes to; the writer keeps one folded state per open stream. */
export type Aggregate =
  | 'prospect'
  | 'prospectphone'
  | 'vehiclesale'
  | 'vehiclevin'
  | 'showroom'
  | 'repairorder'
  | 'complaint'
  | 'membership';

/**
 * One command of the plan: who does what to which stream at which business time. The plan is pure facts
 * from the seed; the writer turns each step into events through the aggregate's decider.
 */
export type PlannedStep = Readonly<{
  /** Business time, epoch milliseconds. */
  at: number;
  aggregate: Aggregate;
  streamId: string;
  command: Readonly<{ type: string; data: Readonly<Record<string, unknown>> }>;
  actor: Actor;
  /** The stream's story ends here: the writer may forget its state afterwards. */
  last?: boolean;
  /**
   * Domain error codes that mean "the customer asked and was refused" (not enough points, say): the API
   * would answer 422 and write nothing, and so does the writer. Any other refusal is a bug in the plan.
   */
  refusable?: readonly string[];
}>;

export type HistoryOptions = Readonly<{
  seed: number;
  dealers: number;
  months: number;
  /** First month, `YYYY-MM` (business calendar, China Standard Time). */
  start: string;
}>;

export const DEFAULT_START = '2024-01';

/** One business day of the plan: the stories that begin that day, as their steps. */
export type PlannedDay = Readonly<{ dayStart: number; date: string; steps: PlannedStep[] }>;
