import { negativeAmount } from './repair-order.errors';
import type { RepairOrderMarkedAsRework } from './repair-order.events';
import type { OpenedRepairOrder } from './repair-order.state';
import {
  type ClockedWork,
  type EarlierSettledRepairOrder,
  type LabourOperation,
  sumHours,
  type TechnicianHours,
} from './repair-order.types';

const DAY_MS = 24 * 3_600_000;

/** Refuses the first negative figure, naming the field, so the caller can correct exactly that one. */
export const refuseNegative = (
  repairOrderId: string,
  figures: ReadonlyArray<readonly [string, number]>,
): void => {
  const negative = figures.find(([, value]) => value < 0);
  if (negative) throw negativeAmount(repairOrderId, negative[0], negative[1]);
};

/**
 * Automatic rework (返修): the vehicle comes back within the window after a settled repair order of the
 * same dealer that had one of the same labour operations. The latest such order is named.
 */
export const detectRework = (
  state: OpenedRepairOrder,
  labour: readonly LabourOperation[],
  earlier: readonly EarlierSettledRepairOrder[],
  windowDays: number,
  now: string,
): RepairOrderMarkedAsRework | null => {
  if (state.rework) return null;
  const opened = Date.parse(state.checkedInAt);
  const codes = new Set(labour.map((operation) => operation.operationCode));
  const matches = earlier
    .filter((order) => order.repairOrderId !== state.repairOrderId)
    .filter((order) => {
      const gap = opened - Date.parse(order.settledAt);
      return gap >= 0 && gap <= windowDays * DAY_MS;
    })
    .map((order) => ({ order, code: order.operationCodes.find((code) => codes.has(code)) }))
    .filter((match): match is { order: EarlierSettledRepairOrder; code: string } => match.code !== undefined)
    .sort((a, b) => Date.parse(b.order.settledAt) - Date.parse(a.order.settledAt));
  const latest = matches[0];
  if (!latest) return null;
  return {
    type: 'RepairOrderMarkedAsRework',
    data: {
      repairOrderId: state.repairOrderId,
      dealerId: state.dealerId,
      reason: `same operation ${latest.code} within ${windowDays} days of RO ${latest.order.repairOrderId}`,
      automatic: true,
      previousRepairOrderId: latest.order.repairOrderId,
      markedAt: now,
    },
  };
};

/**
 * Hours per technician for technician efficiency (维修工生产率). An operation's standard hours are credited
 * once, to the technician who first clocked it; every clocked hour counts, so a re-repair after a failed
 * inspection lowers efficiency, as it should.
 */
export const technicianHours = (
  labour: readonly LabourOperation[],
  clocked: readonly ClockedWork[],
): TechnicianHours[] => {
  const technicians = [...new Set(clocked.map((work) => work.technicianId))].sort();
  const creditedTo = new Map<string, string>();
  for (const work of clocked)
    if (!creditedTo.has(work.operationCode)) creditedTo.set(work.operationCode, work.technicianId);
  return technicians.map((technicianId) => ({
    technicianId,
    standardHours: sumHours(
      labour
        .filter((operation) => creditedTo.get(operation.operationCode) === technicianId)
        .map((operation) => operation.standardHours),
    ),
    actualHours: sumHours(
      clocked.filter((work) => work.technicianId === technicianId).map((work) => work.actualHours),
    ),
  }));
};
