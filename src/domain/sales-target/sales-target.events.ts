import type { Event } from '../shared/event';

/** A target line: the dealer's own, one consultant's, or one model's (no roll-up between them). */
export type TargetLevel = 'dealer' | 'consultant' | 'model';
export const TARGET_LEVELS: readonly TargetLevel[] = ['dealer', 'consultant', 'model'];

/** Which line of the month: `consultantId` for a consultant's line, `model` for a model's, neither for the dealer's. */
export type TargetLine = Readonly<{ level: TargetLevel; consultantId: string | null; model: string | null }>;

/** Vehicles to order (orders signed) and to deliver in the month. */
export type TargetFigures = Readonly<{ orders: number; deliveries: number }>;

type Month = { dealerId: string; month: string };

export type SalesTargetSet = Event<'SalesTargetSet', Month & TargetLine & TargetFigures & { setAt: string }>;

/** A later figure for a line already set; the latest revision counts. */
export type SalesTargetRevised = Event<
  'SalesTargetRevised',
  Month & TargetLine & TargetFigures & { from: TargetFigures; reason: string; revisedAt: string }
>;

export type SalesTargetEvent = SalesTargetSet | SalesTargetRevised;

export const SALES_TARGET_EVENT_TYPES = {
  SalesTargetSet: 1,
  SalesTargetRevised: 1,
} as const satisfies Record<SalesTargetEvent['type'], number>;
