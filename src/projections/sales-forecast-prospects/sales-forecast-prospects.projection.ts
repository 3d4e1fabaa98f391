import type { ProspectEvent } from '../../domain/prospect/prospect.events';
import type { ProspectGrade } from '../../domain/prospect/prospect.types';
import type { Envelope, ProjectionDefinition } from '../shared/projection';

/**
 * One small document per prospect with what the forecast weighs: its grade and when it was last graded
 * (registration, a regrade, a reactivation, a reopening after a cancelled order), and whether it is open
 * (neither ordered nor lost). The expected month is worked out when read, from the weight set's horizons.
 */
export type SalesForecastProspect = {
  prospectId: string;
  dealerId: string;
  /** The consultant who holds the file now. */
  consultantId: string;
  /** Model of interest at registration. */
  model: string;
  grade: ProspectGrade;
  gradedAt: string;
  open: boolean;
};

type E = Envelope<ProspectEvent>;

const HANDLED = [
  'ProspectRegistered',
  'ProspectGraded',
  'ProspectOrdered',
  'ProspectLost',
  'ProspectReactivated',
  'ProspectReopenedAfterCancellation',
  'ProspectReassigned',
] as const;
type Handled = Extract<E, { type: (typeof HANDLED)[number] }>;

const next = (doc: SalesForecastProspect, event: Exclude<Handled, { type: 'ProspectRegistered' }>) => {
  switch (event.type) {
    case 'ProspectGraded':
      return { ...doc, grade: event.data.to, gradedAt: event.data.gradedAt };
    case 'ProspectOrdered':
      return { ...doc, grade: 'O' as const, open: false };
    case 'ProspectLost':
      return { ...doc, grade: 'F' as const, open: false };
    case 'ProspectReactivated':
      return { ...doc, grade: event.data.grade, gradedAt: event.data.reactivatedAt, open: true };
    case 'ProspectReopenedAfterCancellation':
      return { ...doc, grade: event.data.grade, gradedAt: event.data.reopenedAt, open: true };
    case 'ProspectReassigned':
      return { ...doc, consultantId: event.data.toConsultantId };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};

export const salesForecastProspectsProjection: ProjectionDefinition<Handled, SalesForecastProspect> = {
  name: 'sales-forecast-prospects',
  version: 1,
  collection: 'sales_forecast_prospects',
  indexes: [['dealerId', 'open']],
  handles: HANDLED,
  documentIds: (event) => [event.data.prospectId],
  apply: (doc, event) => {
    if (event.type === 'ProspectRegistered')
      return {
        prospectId: event.data.prospectId,
        dealerId: event.data.dealerId,
        consultantId: event.data.consultantId,
        model: event.data.modelOfInterest,
        grade: event.data.grade,
        gradedAt: event.data.registeredAt,
        open: true,
      };
    if (!doc)
      throw new Error(
        `prospect ${event.data.prospectId}: ${event.type} before ProspectRegistered: check the prospect's stream`,
      );
    return next(doc, event);
  },
};
