import type { ComplaintClock, ComplaintLevel, ComplaintSeverity } from './complaint.types';

/**
 * Deadlines of the closed loop. A policy is versioned: a complaint keeps the policy it was filed under,
 * and each deadline is computed when its clock starts and stored in the event, so a new policy never
 * rewrites history.
 */
export type ComplaintSlaPolicy = Readonly<{
  version: string;
  /** Restarts at the new level on escalation. */
  acknowledgeWithinHours: Readonly<Record<ComplaintLevel, number>>;
  /** From filing (and from reopening), by severity (seed: 2, 3 and 5 days). */
  resolveWithinHours: Readonly<Record<ComplaintSeverity, number>>;
  /** After an escalation the upper level proposes a remedy within this time (seed: 24 h). */
  upperLevelWithinHours: number;
  /** From resolution to the callback. */
  callbackWithinHours: number;
  /** Which missed deadlines escalate the complaint one level by themselves. */
  autoEscalateOn: readonly ComplaintClock[];
}>;

/** The domain brief's defaults. */
export const DEFAULT_COMPLAINT_SLA_POLICY: ComplaintSlaPolicy = {
  version: 'complaint-sla-v1',
  acknowledgeWithinHours: { L1: 24, L2: 8, L3: 4 },
  resolveWithinHours: { minor: 48, general: 72, major: 120 },
  upperLevelWithinHours: 24,
  callbackWithinHours: 24,
  autoEscalateOn: ['acknowledge', 'resolve', 'upper-level'],
};

export type ComplaintSlaPolicies = Readonly<{
  /** The version new complaints are filed under. */
  current: string;
  byVersion: Readonly<Record<string, ComplaintSlaPolicy>>;
}>;

export const DEFAULT_COMPLAINT_SLA_POLICIES: ComplaintSlaPolicies = {
  current: DEFAULT_COMPLAINT_SLA_POLICY.version,
  byVersion: { [DEFAULT_COMPLAINT_SLA_POLICY.version]: DEFAULT_COMPLAINT_SLA_POLICY },
};
