export type ComplaintChannel = 'hotline' | 'oem-call-centre' | 'dealer' | 'web';
export type ComplaintCategory = 'product' | 'service' | 'staff';
export type ComplaintSeverity = 'minor' | 'general' | 'major';
/** L1 dealer (一般), L2 escalated to the brand (升级), L3 major (重大: safety, injury, media, regulator). */
export type ComplaintLevel = 'L1' | 'L2' | 'L3';
/** The deadlines of the closed loop. */
export type ComplaintClock = 'acknowledge' | 'resolve' | 'upper-level' | 'callback';
export type ContactChannel = 'phone' | 'visit' | 'sms' | 'wechat' | 'email';
export type Satisfaction = 'very-satisfied' | 'satisfied' | 'neutral' | 'dissatisfied' | 'very-dissatisfied';
/** Where a complaint stands in the loop (its stage). */
export type ComplaintStage =
  'filed' | 'acknowledged' | 'assigned' | 'investigating' | 'resolution-proposed' | 'resolved' | 'closed';

export const COMPLAINT_CHANNELS: readonly ComplaintChannel[] = [
  'hotline',
  'oem-call-centre',
  'dealer',
  'web',
];
export const COMPLAINT_CATEGORIES: readonly ComplaintCategory[] = ['product', 'service', 'staff'];
/** Where a complaint goes when an assignment names no department: a staff complaint to the person's manager. */
export const DEPARTMENT_BY_CATEGORY: Readonly<Record<ComplaintCategory, string>> = {
  product: 'product',
  service: 'service',
  staff: 'manager',
};
export const COMPLAINT_SEVERITIES: readonly ComplaintSeverity[] = ['minor', 'general', 'major'];
export const COMPLAINT_LEVELS: readonly ComplaintLevel[] = ['L1', 'L2', 'L3'];
export const CONTACT_CHANNELS: readonly ContactChannel[] = ['phone', 'visit', 'sms', 'wechat', 'email'];
export const SATISFACTIONS: readonly Satisfaction[] = [
  'very-satisfied',
  'satisfied',
  'neutral',
  'dissatisfied',
  'very-dissatisfied',
];

export type ComplaintCustomer = Readonly<{
  customerId: string;
  name: string;
  phone: string;
}>;

/** A deadline that is running (or was missed and still waits for its action). */
export type RunningClock = Readonly<{
  clock: ComplaintClock;
  startedAt: string;
  dueBy: string;
  /** The level whose deadline it is. */
  level: ComplaintLevel;
  missed: boolean;
}>;

/**
 * A decision the clock made by itself, as a later fact may withdraw it: a deadline that passed without its
 * action (at its due time), or the escalation it triggered.
 */
export type AutomaticDecision = Readonly<
  | { kind: 'deadline-missed'; at: string; clock: ComplaintClock; level: ComplaintLevel }
  | { kind: 'escalated'; at: string; from: ComplaintLevel; to: ComplaintLevel }
>;

export const nextLevel = (level: ComplaintLevel): ComplaintLevel | null =>
  level === 'L1' ? 'L2' : level === 'L2' ? 'L3' : null;

export const levelRank = (level: ComplaintLevel): number => COMPLAINT_LEVELS.indexOf(level);
