import {
  type LogWalkInGroups,
  SHOWROOM_EVENT_TYPES,
  type ShowroomDayState,
  showroomTrafficDecider,
  showroomTrafficStreamId,
  type WalkInGroupsLogged,
} from '../../domain/showroom/showroom-traffic';
import { salesShowroomTrafficProjection } from '../../projections/sales-showroom-traffic/sales-showroom-traffic.projection';
import type { Feature } from '../shared/feature';

/** Walk-in groups at the showroom, one stream per dealer and business day. */
export const showroomTrafficFeature: Feature<ShowroomDayState, LogWalkInGroups, WalkInGroupsLogged> = {
  name: 'showroom-traffic',
  category: 'showroomtraffic',
  decider: showroomTrafficDecider,
  streamOf: ({ dealerId, date }) => showroomTrafficStreamId(dealerId, date),
  eventTypes: SHOWROOM_EVENT_TYPES,
  scope: (_state, command) => ({ dealerId: command.data.dealerId }),
  projections: [salesShowroomTrafficProjection],
};
