import type { ComplaintLevel, ComplaintSeverity } from './complaint.types';

/**
 * Deadlines of the closed loop. A policy is versioned: each deadline is computed when its clock starts
 * and stored in the event with the policy version, so a later policy change never rewrites history.
 */
export type ComplaintSlaPolicy = Readonly<{
  version: string;
  acknowledgeWithinHours: Readonly<Record<ComplaintLevel, number>>;
  /** From filing, by severity (seed: 2, 3 and 5 days). */
  resolveWithinHours: Readonly<Record<ComplaintSeverity, number>>;
  /** An escalated complaint is handled by the upper level within this time (seed: 24 h). */
  upperLevelWithinHours: number;
  callbackWithinHours: number;
  autoEscalateOnMiss: boolean;
}>;

/** The domain brief's defaults. */
export const DEFAULT_COMPLAINT_SLA_POLICY: ComplaintSlaPolicy = {
  version: 'complaint-sla-v1',
  acknowledgeWithinHours: { L1: 24, L2: 8, L3: 4 },
  resolveWithinHours: { minor: 48, general: 72, major: 120 },
  upperLevelWithinHours: 24,
  callbackWithinHours: 24,
  autoEscalateOnMiss: true,
};
