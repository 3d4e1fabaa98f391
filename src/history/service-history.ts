import type { EarlierSettledRepairOrder } from '../domain/repair-order/repair-order.types';
import type { PlannedStep } from './history-plan.types';
import { iso } from './plan-context';

/** Settled orders older than this cannot make a new one rework (the policy's window is 30 days). */
const KEEP = 3;

/**
 * The writer's stand-in for the service-history read model the authorisation handler consults: the
 * settled repair orders of each vehicle at each dealer, so the decider recognises rework as it would live.
 * Only the last few per vehicle are kept; older ones are outside any rework window.
 */
export class ServiceHistory {
  private readonly vehicleOf = new Map<string, string>();
  private readonly settled = new Map<string, EarlierSettledRepairOrder[]>();

  /** The step as the handler would send it: AuthoriseWorkOrder gets the vehicle's earlier settled orders. */
  prepare(step: PlannedStep): PlannedStep {
    const { type, data } = step.command;
    if (type === 'OpenRepairOrder' || type === 'CheckInVehicle')
      this.vehicleOf.set(step.streamId, `${String(data.dealerId)}|${String(data.vin)}`);
    if (type !== 'AuthoriseWorkOrder') return step;
    const earlierSettled = this.settled.get(this.vehicleOf.get(step.streamId) ?? '') ?? [];
    return { ...step, command: { type, data: { ...data, earlierSettled } } };
  }

  /** After a settlement was written. */
  recordSettled(step: PlannedStep, operationCodes: readonly string[]): void {
    const vehicle = this.vehicleOf.get(step.streamId);
    if (!vehicle) return;
    const orders = this.settled.get(vehicle) ?? [];
    orders.push({
      repairOrderId: String(step.command.data.repairOrderId),
      settledAt: iso(step.at),
      operationCodes,
    });
    this.settled.set(vehicle, orders.slice(-KEEP));
  }

  forget(streamId: string): void {
    this.vehicleOf.delete(streamId);
  }
}
