import type { ClubActivityAttended } from '../club-activity/club-activity.events';
import type { RepairOrderSettled } from '../repair-order/repair-order.events';
import { PAID_TYPES } from '../repair-order/repair-order.types';
import type { VehicleDelivered } from '../vehicle-sale/vehicle-sale.events';
import type { EarnPoints } from './membership.commands';

/** The events of other aggregates that earn points. */
export const EARNING_EVENT_TYPES = [
  'RepairOrderSettled',
  'VehicleDelivered',
  'ClubActivityAttended',
] as const;

type Source =
  | Pick<RepairOrderSettled, 'type' | 'data'>
  | Pick<VehicleDelivered, 'type' | 'data'>
  | Pick<ClubActivityAttended, 'type' | 'data'>;

/** An event read from the store, recognised by its stable type name as one that may earn points. */
export const isEarningSource = (event: Readonly<{ type: string; data: unknown }>): event is Source =>
  (EARNING_EVENT_TYPES as readonly string[]).includes(event.type);

/**
 * What a settled repair order, a delivered vehicle or an attended club activity earns, as a command for
 * the customer's membership: a paid visit (paid maintenance or paid repair, paid by the customer) earns on
 * its total; a delivery earns the purchase bonus; attending a club activity earns the activity's fixed
 * points (source `club-activity:<activityId>`, so once per member and activity). Anything else earns
 * nothing. The earning reactor and the rule simulation both use this, so they cannot disagree about what
 * counts.
 */
export const earningCommandFor = (event: Source): EarnPoints['data'] | null => {
  switch (event.type) {
    case 'RepairOrderSettled': {
      const { roType, payer, totalFen, repairOrderId, dealerId, customerId } = event.data;
      if (!PAID_TYPES.includes(roType) || payer !== 'customer' || totalFen <= 0) return null;
      return {
        customerId,
        source: { kind: 'repair-order', id: repairOrderId },
        dealerId,
        spendFen: totalFen,
      };
    }
    case 'VehicleDelivered': {
      const { saleId, dealerId, customerId } = event.data;
      return { customerId, source: { kind: 'vehicle-sale', id: saleId }, dealerId };
    }
    case 'ClubActivityAttended': {
      const { activityId, dealerId, customerId, points } = event.data;
      if (points <= 0) return null;
      return { customerId, source: { kind: 'club-activity', id: activityId }, dealerId, points };
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};
