import { lineKey } from '../../domain/sales-target/sales-target.decider';
import type {
  SalesTargetEvent,
  TargetFigures,
  TargetLevel,
} from '../../domain/sales-target/sales-target.events';
import type { ProjectionDefinition } from '../shared/projection';

/** One figure a line had, from `at` until the next: the first set (no reason) or a revision. */
export type TargetRevision = TargetFigures & { at: string; reason: string | null; by: string };

/**
 * One document per dealer, month and target line, with every figure it had in business-time order, so a
 * read "as of" a time takes the latest revision dated up to it.
 */
export type SalesTargetLine = {
  dealerId: string;
  month: string;
  level: TargetLevel;
  consultantId: string | null;
  model: string | null;
  revisions: TargetRevision[];
};

export const salesTargetLinesProjection: ProjectionDefinition<SalesTargetEvent, SalesTargetLine> = {
  name: 'sales-target-lines',
  version: 1,
  collection: 'sales_target_lines',
  indexes: [['dealerId', 'month']],
  handles: ['SalesTargetSet', 'SalesTargetRevised'],
  documentIds: (event) => [`${event.data.dealerId}:${event.data.month}:${lineKey(event.data)}`],
  apply: (doc, event) => {
    const { dealerId, month, level, consultantId, model, orders, deliveries } = event.data;
    const revision: TargetRevision =
      event.type === 'SalesTargetSet'
        ? { orders, deliveries, at: event.data.setAt, reason: null, by: event.metadata.actor.userId }
        : {
            orders,
            deliveries,
            at: event.data.revisedAt,
            reason: event.data.reason,
            by: event.metadata.actor.userId,
          };
    const current = doc ?? { dealerId, month, level, consultantId, model, revisions: [] };
    return { ...current, revisions: [...current.revisions, revision] };
  },
};
