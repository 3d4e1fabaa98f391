import type { WalkInGroupsLogged } from '../../domain/showroom/showroom-traffic';
import type { ProjectionDefinition } from '../shared/projection';

/** Walk-in groups per dealer and business month, with the days they were logged on: the record rate's denominator. */
export type SalesShowroomTraffic = {
  dealerId: string;
  month: string;
  groups: number;
  days: Record<string, number>;
};

export const salesShowroomTrafficProjection: ProjectionDefinition<WalkInGroupsLogged, SalesShowroomTraffic> =
  {
    name: 'sales-showroom-traffic',
    version: 1,
    collection: 'sales_showroom_traffic',
    indexes: [['dealerId', 'month']],
    handles: ['WalkInGroupsLogged'],
    // The logged day decides the month, not when reception typed it in.
    documentIds: (event) => [`${event.data.dealerId}:${event.data.date.slice(0, 7)}`],
    apply: (doc, event) => {
      const { dealerId, date, groups } = event.data;
      const current = doc ?? { dealerId, month: date.slice(0, 7), groups: 0, days: {} };
      return {
        ...current,
        groups: current.groups + groups,
        days: { ...current.days, [date]: (current.days[date] ?? 0) + groups },
      };
    },
  };
