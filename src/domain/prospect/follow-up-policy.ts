import type { OpenGrade, ProspectGrade } from './prospect.types';

const DAY_MS = 86_400_000;

/** Max days between contacts per grade. Configuration with a version: a prospect keeps the version it was registered under. */
export type FollowUpPolicy = Readonly<{ version: string; intervalDays: Readonly<Record<OpenGrade, number>> }>;

/** The domain brief's table: H 2 days, A 5, B 7, C 30. */
export const DEFAULT_FOLLOW_UP_POLICY: FollowUpPolicy = {
  version: 'follow-up-v1',
  intervalDays: { H: 2, A: 5, B: 7, C: 30 },
};

export const FOLLOW_UP_POLICIES: Readonly<Record<string, FollowUpPolicy>> = {
  [DEFAULT_FOLLOW_UP_POLICY.version]: DEFAULT_FOLLOW_UP_POLICY,
};

const isOpen = (grade: ProspectGrade): grade is OpenGrade => grade !== 'O' && grade !== 'F';

/**
 * When the next contact is due: the last contact plus the grade's interval, or the scheduled date if that
 * comes first. Ordered and lost prospects are not followed up (null).
 */
export const nextContactDue = (
  policy: FollowUpPolicy,
  grade: ProspectGrade,
  lastContactAt: string,
  scheduledContactAt: string | null,
): string | null => {
  if (!isOpen(grade)) return null;
  const byGrade = Date.parse(lastContactAt) + policy.intervalDays[grade] * DAY_MS;
  const due = scheduledContactAt === null ? byGrade : Math.min(byGrade, Date.parse(scheduledContactAt));
  return new Date(due).toISOString();
};
