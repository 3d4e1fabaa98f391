import type { FleetAccountCommand } from '../../domain/fleet-account/fleet-account.commands';
import type { FleetAccountEvent } from '../../domain/fleet-account/fleet-account.events';
import type { FleetAccountState } from '../../domain/fleet-account/fleet-account.state';
import type { FleetOrderVehicleDelivered } from '../../domain/fleet-order/fleet-order.events';
import { DomainError } from '../../domain/shared/domain-error';
import type { CommandPipeline } from '../shared/command-pipeline';
import type { Feature } from '../shared/feature';
import type { ReactorDefinition } from '../shared/reactor';

export const FLEET_ORDER_VEHICLES_REACTOR = 'fleet-order-vehicles';

/**
 * The account already says what this delivery would: the VIN is on it (registered by hand, or by an
 * earlier run), or it has a later fact on the VIN (registered and removed after the delivery), which the
 * account keeps in business-time order. Either way there is nothing to record.
 */
const NOTHING_TO_DO: ReadonlySet<string> = new Set([
  'FLEET_VEHICLE_ALREADY_ON_ACCOUNT',
  'FLEET_FACT_OUT_OF_ORDER',
]);

/**
 * Every vehicle a fleet order delivers is registered on its account (without a driver) at the delivery's
 * business time. At least once: the Idempotency-Key names this reactor and the event, so a re-run appends
 * nothing; a VIN the account has already is success.
 */
export const createFleetOrderVehiclesReactor = (
  pipeline: CommandPipeline,
  account: Feature<FleetAccountState, FleetAccountCommand, FleetAccountEvent>,
): ReactorDefinition => ({
  name: FLEET_ORDER_VEHICLES_REACTOR,
  handles: ['FleetOrderVehicleDelivered'],
  react: async (event, context) => {
    const { accountId, vin } = event.data as FleetOrderVehicleDelivered['data'];
    try {
      // The account being changed at the same moment: the pipeline decides again on the new state.
      await pipeline.execute(
        account,
        { type: 'RegisterFleetVehicle', data: { accountId, vin } },
        context.commandContext(),
        { decideAgainAfterLostRace: true },
      );
    } catch (error) {
      if (error instanceof DomainError && NOTHING_TO_DO.has(error.code)) return;
      throw error;
    }
  },
});
