import type { Actor } from '../../domain/shared/event';
import { fleetAccountStreamId } from '../../domain/fleet-account/fleet-account.state';
import {
  type FleetVehicleHolder,
  FleetVehicleOnOtherAccount,
  fleetVehicleStreamId,
} from '../../domain/fleet-vehicle/fleet-vehicle-claim';
import {
  fleetAccountVehicleHold,
  fleetVehicleStandingOf,
} from '../../domain/fleet-vehicle/fleet-vehicle-standing';
import { isDealerBound, isRole } from '../access/principal';
import type { CommandContext } from '../shared/command-context';
import type { CommandPipeline } from '../shared/command-pipeline';
import { fleetVehicleClaimFeature } from './fleet-vehicle-claim.feature';

/** A dealer-bound reader learns the other account only when it is of its own dealer; network roles always. */
const maySee = (actor: Actor, holder: FleetVehicleHolder): boolean =>
  !isRole(actor.role) || !isDealerBound(actor.role) || actor.dealerId === holder.dealerId;

/**
 * Claims `vin` for the account `holder`, whose registration is decided on its stream at `holderRevision`.
 * Whether the holding account let the VIN go is read from that account's own stream now (one small read,
 * folded for the VIN), as the VIN claim does: no reactor releases it on a removal, so a removed vehicle is
 * free at once and nothing has to be kept in step. Free, or let go at or before the registration's business
 * time: claimed; held by the account itself: nothing; held by another account, or let go only after the
 * registration's business time: 409 FLEET_VEHICLE_ON_OTHER_ACCOUNT. No Idempotency-Key: a retry is decided
 * again on what the streams say, which gives the same answer.
 */
export const claimFleetVehicle = async (
  pipeline: CommandPipeline,
  vin: string,
  holder: FleetVehicleHolder,
  holderRevision: number,
  context: CommandContext,
): Promise<void> => {
  const claim = await pipeline.currentRecord(fleetVehicleClaimFeature.decider, fleetVehicleStreamId(vin));
  let current = null;
  if (claim.state.status === 'claimed') {
    const { holder: held, holderRevision: heldAt } = claim.state;
    const account = await pipeline.currentRecord(
      fleetAccountVehicleHold(vin),
      fleetAccountStreamId(held.accountId),
    );
    current = {
      holder: held,
      holderRevision: heldAt,
      ...fleetVehicleStandingOf(account.state, account.revision, heldAt),
    };
  }
  try {
    await pipeline.execute(
      fleetVehicleClaimFeature,
      { type: 'ClaimFleetVehicle', data: { vin, holder, holderRevision, current } },
      // If-Match and the Idempotency-Key are about the account, never the VIN's index stream.
      { ...context, expectedRevision: undefined, idempotencyKey: undefined, requestHash: undefined },
    );
  } catch (error) {
    if (
      error instanceof FleetVehicleOnOtherAccount &&
      error.other !== null &&
      !maySee(context.actor, error.other)
    )
      throw new FleetVehicleOnOtherAccount(vin, error.accountId, null, error.heldUntil);
    throw error;
  }
};
