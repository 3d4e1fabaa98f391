import type { PaymentMethod } from '../vehicle-sale/vehicle-sale.types';

/** First contact (销售流程 step 1). */
export type ProspectChannel = 'walk-in' | 'phone' | 'outbound' | 'oem-lead' | 'web' | 'campaign' | 'referral';
export const PROSPECT_CHANNELS: readonly ProspectChannel[] = [
  'walk-in',
  'phone',
  'outbound',
  'oem-lead',
  'web',
  'campaign',
  'referral',
];

/** H/A/B/C: how soon they will buy; O ordered; F lost (战败). */
export type OpenGrade = 'H' | 'A' | 'B' | 'C';
export type ProspectGrade = OpenGrade | 'O' | 'F';
export const OPEN_GRADES: readonly OpenGrade[] = ['H', 'A', 'B', 'C'];

/** The funnel's stages in order; a prospect's furthest stage is the highest one it reached. */
export type FunnelStage =
  'registered' | 'needs-analysed' | 'presented' | 'test-driven' | 'quoted' | 'ordered' | 'delivered';
export const FUNNEL_STAGES: readonly FunnelStage[] = [
  'registered',
  'needs-analysed',
  'presented',
  'test-driven',
  'quoted',
  'ordered',
  'delivered',
];
export const stageRank = (stage: FunnelStage): number => FUNNEL_STAGES.indexOf(stage);
export const furthestOf = (a: FunnelStage, b: FunnelStage): FunnelStage =>
  stageRank(a) >= stageRank(b) ? a : b;

/** Why a prospect was lost (战败原因); a fixed list so the lost analysis can count by reason. */
export type LostReason =
  | 'price'
  | 'bought-competitor-brand'
  | 'bought-at-other-dealer'
  | 'financing-declined'
  | 'postponed'
  | 'unreachable'
  | 'other';
export const LOST_REASONS: readonly LostReason[] = [
  'price',
  'bought-competitor-brand',
  'bought-at-other-dealer',
  'financing-declined',
  'postponed',
  'unreachable',
  'other',
];

export type FollowUpChannel = 'phone' | 'visit' | 'wechat' | 'sms';
export const FOLLOW_UP_CHANNELS: readonly FollowUpChannel[] = ['phone', 'visit', 'wechat', 'sms'];
export type FollowUpOutcome = 'reached' | 'not-reached' | 'visit-booked';
export const FOLLOW_UP_OUTCOMES: readonly FollowUpOutcome[] = ['reached', 'not-reached', 'visit-booked'];

export type FinanceOption = PaymentMethod;

export type ProspectContact = Readonly<{ customerId: string; name: string; phone: string }>;
