import type { Command } from '../shared/event';
import type { TargetFigures, TargetLevel } from './sales-target.events';

type LineOfMonth = {
  dealerId: string;
  /** Business month, YYYY-MM (China Standard Time). */
  month: string;
  level: TargetLevel;
  consultantId?: string;
  model?: string;
};

export type SetSalesTarget = Command<'SetSalesTarget', LineOfMonth & TargetFigures>;
export type ReviseSalesTarget = Command<
  'ReviseSalesTarget',
  LineOfMonth & TargetFigures & { reason: string }
>;

export type SalesTargetCommand = SetSalesTarget | ReviseSalesTarget;
