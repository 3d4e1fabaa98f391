import { Logger } from '@nestjs/common';
import type { FleetOrderVehicleDelivered } from '../../domain/fleet-order/fleet-order.events';
import { FleetVehicleOnOtherAccount } from '../../domain/fleet-vehicle/fleet-vehicle-claim';
import { DomainError } from '../../domain/shared/domain-error';
import { registerFleetVehicle } from '../fleet-account/register-fleet-vehicle';
import { WrongExpectedRevisionError } from '../ports/event-store.port';
import type { CommandPipeline } from '../shared/command-pipeline';
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

/** The registration is pinned to the account's revision it was checked at; a lost race there is tried again. */
const REGISTRATION_ATTEMPTS = 3;

const logger = new Logger(FLEET_ORDER_VEHICLES_REACTOR);

/**
 * Every vehicle a fleet order delivers is registered on its account (without a driver) at the delivery's
 * business time, through the same registration as the route (the VIN claimed first). At least once: the
 * Idempotency-Key names this reactor and the event, so a re-run appends nothing; a VIN the account has
 * already is success. A VIN on another fleet account at the delivery's time (one fleet account per
 * vehicle, docs/fleet.md) is not this reactor's to settle: it records nothing and warns, naming both
 * accounts, so the dealer removes it from the other account and registers it by hand; it never stops on it.
 */
export const createFleetOrderVehiclesReactor = (
  pipeline: CommandPipeline,
  warn: (message: string) => void = (message) => logger.warn(message),
): ReactorDefinition => ({
  name: FLEET_ORDER_VEHICLES_REACTOR,
  handles: ['FleetOrderVehicleDelivered'],
  react: async (event, context) => {
    const { accountId, orderId, vin } = event.data as FleetOrderVehicleDelivered['data'];
    for (let attempt = 1; ; attempt += 1) {
      try {
        await registerFleetVehicle(
          pipeline,
          { type: 'RegisterFleetVehicle', data: { accountId, vin } },
          context.commandContext(),
        );
        return;
      } catch (error) {
        if (error instanceof FleetVehicleOnOtherAccount) {
          const other = error.other?.accountId ?? 'another fleet account';
          const until = error.heldUntil === null ? '' : ` until ${error.heldUntil}`;
          warn(
            `fleet order ${orderId} delivered VIN ${vin} for fleet account ${accountId}, but it is registered on fleet account ${other}${until}: not registered on ${accountId}; remove it from ${other} and register it on ${accountId} by hand`,
          );
          return;
        }
        if (error instanceof DomainError && NOTHING_TO_DO.has(error.code)) return;
        // The account changed at the same moment: checked and claimed again on its new revision.
        if (error instanceof WrongExpectedRevisionError && attempt < REGISTRATION_ATTEMPTS) continue;
        throw error;
      }
    }
  },
});
