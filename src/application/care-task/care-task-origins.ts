import { careTaskOriginMissing } from '../../domain/care-task/care-task.errors';
import {
  originFromReminder,
  originFromRepairOrder,
  originFromSale,
  vehicleReminders,
  vinOfDateRecord,
} from '../../domain/care-task/care-task-origin';
import {
  CARE_TASK_KINDS,
  type CareTaskOrigin,
  isReminderKind,
  parseCareTaskId,
  type ReminderKind,
} from '../../domain/care-task/care-task.types';
import { careVehicleStreamId } from '../../domain/care-vehicle/care-vehicle.decider';
import { repairOrderStreamId } from '../../domain/repair-order/repair-order.decider';
import { vehicleSaleStreamId } from '../../domain/vehicle-sale/vehicle-sale.decider';
import { repairOrderFeature } from '../repair-order/repair-order.feature';
import { vehicleSaleFeature } from '../sales/vehicle-sale.feature';
import { careVehicleFeature } from './care-vehicle.feature';
import type { CommandPipeline } from '../shared/command-pipeline';

/**
 * A task's origin as its record says it now, read from the event store (no read-model lag): the delivered
 * sale or the settled repair order. A 404 when the id names no task, or its record has not got that far.
 */
export const careTaskOrigin = async (pipeline: CommandPipeline, taskId: string): Promise<CareTaskOrigin> => {
  const parsed = parseCareTaskId(taskId);
  if (parsed === null)
    throw careTaskOriginMissing(
      taskId,
      `a task id is <kind>-<record id>, kind ${CARE_TASK_KINDS.join(', ')}`,
    );
  const { kind, recordId } = parsed;
  if (isReminderKind(kind)) return reminderOrigin(pipeline, taskId, kind, recordId);
  if (kind === 'service' || kind === 'servicefollowup') {
    const state = await pipeline.currentState(repairOrderFeature, repairOrderStreamId(recordId));
    const origin = originFromRepairOrder(kind, state);
    if (!origin)
      throw careTaskOriginMissing(
        taskId,
        kind === 'service'
          ? `repair order ${recordId} is not settled`
          : `repair order ${recordId} has no CSI survey with a factor answered 6 or less`,
      );
    return origin;
  }
  const state = await pipeline.currentState(vehicleSaleFeature, vehicleSaleStreamId(recordId));
  const origin = originFromSale(kind, state);
  if (!origin)
    throw careTaskOriginMissing(
      taskId,
      kind === 'salesfollowup'
        ? `vehicle sale ${recordId} has no SSI survey with a factor answered 6 or less`
        : `vehicle sale ${recordId} is not delivered`,
    );
  return origin;
};

/**
 * A reminder's origin as its vehicle's care stream says it: the date's (`<vin>-<YYYYMMDD>`), or the
 * maintenance of a settled repair order (the repair order names the VIN).
 */
const reminderOrigin = async (
  pipeline: CommandPipeline,
  taskId: string,
  kind: ReminderKind,
  recordId: string,
): Promise<CareTaskOrigin> => {
  let vin = vinOfDateRecord(recordId);
  if (kind === 'maintenance') {
    const repairOrder = await pipeline.currentState(repairOrderFeature, repairOrderStreamId(recordId));
    vin = repairOrder.status === 'settled' ? repairOrder.vin : null;
  }
  if (vin === null)
    throw careTaskOriginMissing(
      taskId,
      kind === 'maintenance'
        ? `repair order ${recordId} is not settled`
        : `a ${kind} task id is ${kind}-<vin>-<YYYYMMDD>`,
    );
  const vehicle = await pipeline.currentState(careVehicleFeature, careVehicleStreamId(vin));
  const reminder = vehicleReminders(kind, vin, vehicle).find((one) => one.recordId === recordId);
  if (!reminder)
    throw careTaskOriginMissing(
      taskId,
      kind === 'maintenance'
        ? `vehicle ${vin} has no settlement of repair order ${recordId} recorded for care yet`
        : `vehicle ${vin} has no ${kind} date ${recordId.slice(18)} recorded`,
    );
  return originFromReminder(kind, reminder);
};
