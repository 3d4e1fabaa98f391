import type { CareVehicleCommand } from '../../domain/care-vehicle/care-vehicle.commands';
import type { CareVehicleState } from '../../domain/care-vehicle/care-vehicle.decider';
import type { CareVehicleEvent } from '../../domain/care-vehicle/care-vehicle.events';
import type { RepairOrderSettled } from '../../domain/repair-order/repair-order.events';
import { WrongExpectedRevisionError } from '../ports/event-store.port';
import type { CommandPipeline } from '../shared/command-pipeline';
import type { Feature } from '../shared/feature';
import type { ReactorDefinition } from '../shared/reactor';

export const CARE_VEHICLE_SERVICE_REACTOR = 'care-vehicle-service';
const ATTEMPTS = 5;

/**
 * Every settled repair order is recorded on its vehicle's care stream, which decides the maintenance
 * reminders (the new one, and the old one it makes obsolete). At least once: the Idempotency-Key names this
 * reactor and the event, and the vehicle records a repair order once, so a replay appends nothing.
 */
export const createCareVehicleServiceReactor = (
  pipeline: CommandPipeline,
  vehicle: Feature<CareVehicleState, CareVehicleCommand, CareVehicleEvent>,
): ReactorDefinition => ({
  name: CARE_VEHICLE_SERVICE_REACTOR,
  handles: ['RepairOrderSettled'],
  react: async (event, context) => {
    const { vin, dealerId, customerId, repairOrderId, settledAt, checkedInAt, mileageKm } =
      event.data as RepairOrderSettled['data'];
    const data = { vin, dealerId, customerId, repairOrderId, settledAt, checkedInAt, mileageKm };
    for (let attempt = 1; ; attempt += 1) {
      try {
        await pipeline.execute(vehicle, { type: 'RecordVehicleService', data }, context.commandContext());
        return;
      } catch (error) {
        // A date was being recorded on the vehicle at the same moment: decide again on the new state.
        if (error instanceof WrongExpectedRevisionError && attempt < ATTEMPTS) continue;
        throw error;
      }
    }
  },
});
