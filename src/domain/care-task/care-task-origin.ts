import type { RepairOrderState } from '../repair-order/repair-order.state';
import type { VehicleSaleState } from '../vehicle-sale/vehicle-sale.state';
import { type CareTaskOrigin, threeMonthCallDueAt } from './care-task.types';

/**
 * The delivery's tasks as the sale says them: the 7-day call (due when the sale's callback is due, its
 * callbacks on the sale's route are attempts of it) and the three-month call. Null before delivery.
 */
export const originFromSale = (
  kind: 'delivery' | '3month',
  sale: VehicleSaleState,
): CareTaskOrigin | null => {
  if (sale.status !== 'delivered' || sale.deliveredAt === null || sale.callbackDueAt === null) return null;
  const base = {
    recordId: sale.saleId,
    dealerId: sale.dealerId,
    customerId: sale.customerId,
    ownerId: sale.consultantId,
    openedAt: sale.deliveredAt,
  };
  if (kind === '3month')
    return { ...base, kind, dueAt: threeMonthCallDueAt(sale.deliveredAt), recordAttempts: [] };
  return {
    ...base,
    kind,
    dueAt: sale.callbackDueAt,
    recordAttempts: sale.callbackAttempts.map(({ at, reached }) => ({
      at,
      outcome: reached ? ('reached' as const) : ('not-reached' as const),
    })),
  };
};

/** The settlement's 3-day call as the repair order says it; its CSI survey reached the customer. Null before settlement. */
export const originFromRepairOrder = (repairOrder: RepairOrderState): CareTaskOrigin | null => {
  if (repairOrder.status !== 'settled' || !repairOrder.settledAt || !repairOrder.callbackDueAt) return null;
  return {
    kind: 'service',
    recordId: repairOrder.repairOrderId,
    dealerId: repairOrder.dealerId,
    customerId: repairOrder.customerId,
    ownerId: null,
    openedAt: repairOrder.settledAt,
    dueAt: repairOrder.callbackDueAt,
    recordAttempts: repairOrder.surveyedAt ? [{ at: repairOrder.surveyedAt, outcome: 'reached' }] : [],
  };
};
