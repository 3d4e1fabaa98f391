import type { Actor } from '../../domain/shared/event';
import { fleetOrderStreamId } from '../../domain/fleet-order/fleet-order.state';
import { vehicleSaleStreamId } from '../../domain/vehicle-sale/vehicle-sale.decider';
import {
  VehicleVinAllocated,
  VehicleVinDelivered,
  type VinHolder,
  vehicleVinStreamId,
} from '../../domain/vehicle-vin/vehicle-vin-claim';
import {
  fleetOrderVinHold,
  type HolderStanding,
  standingOfHold,
  vehicleSaleVinHold,
} from '../../domain/vehicle-vin/vin-standing';
import { isDealerBound, isRole } from '../access/principal';
import type { CommandContext } from '../shared/command-context';
import type { CommandPipeline } from '../shared/command-pipeline';
import { vehicleVinClaimFeature } from './vehicle-vin-claim.feature';

/**
 * How a holder "let go" of a VIN is known: its own stream is read and folded at claim time (one small
 * read), rather than a reactor releasing the VIN on a cancellation. A reactor would lag: between the
 * cancellation and the release a new allocation would be refused for a VIN that is free, and a release
 * that runs after a renewed claim would have to tell the two apart. The holder's record is the truth of
 * whether it still holds the VIN, so nothing has to be kept in step with it.
 */
const standingOf = async (
  pipeline: CommandPipeline,
  holder: VinHolder,
  vin: string,
  claimRevision: number,
): Promise<HolderStanding> => {
  const { state, revision } =
    holder.kind === 'vehicle-sale'
      ? await pipeline.currentRecord(vehicleSaleVinHold(vin), vehicleSaleStreamId(holder.id))
      : await pipeline.currentRecord(fleetOrderVinHold(vin), fleetOrderStreamId(holder.id));
  return standingOfHold(state, revision, claimRevision);
};

/** A dealer-bound reader learns the holder only when it is of its own dealer; network roles always. */
const maySee = (actor: Actor, holder: VinHolder): boolean =>
  !isRole(actor.role) || !isDealerBound(actor.role) || actor.dealerId === holder.dealerId;

/**
 * Claims `vin` for `holder`, whose allocation is decided on its record at `holderRevision`: free, or held
 * by a record that let it go, it is claimed; held by the holder itself, nothing changes; held by another
 * open record, or let go only after the allocation's business time, 409 VEHICLE_VIN_ALLOCATED; delivered
 * on a record, 409 VEHICLE_VIN_DELIVERED. The claim
 * carries no Idempotency-Key: a retry is decided again on what the records say, which gives the same
 * answer (nothing while the holder still holds it, a renewed claim if its allocation never landed).
 */
export const claimVehicleVin = async (
  pipeline: CommandPipeline,
  vin: string,
  holder: VinHolder,
  holderRevision: number,
  context: CommandContext,
): Promise<void> => {
  const claim = await pipeline.currentRecord(vehicleVinClaimFeature.decider, vehicleVinStreamId(vin));
  const current =
    claim.state.status === 'claimed'
      ? {
          holder: claim.state.holder,
          holderRevision: claim.state.holderRevision,
          ...(await standingOf(pipeline, claim.state.holder, vin, claim.state.holderRevision)),
        }
      : null;
  try {
    await pipeline.execute(
      vehicleVinClaimFeature,
      { type: 'ClaimVehicleVin', data: { vin, holder, holderRevision, current } },
      // If-Match and the Idempotency-Key are about the holder's record, never the VIN's index stream.
      { ...context, expectedRevision: undefined, idempotencyKey: undefined, requestHash: undefined },
    );
  } catch (error) {
    if (
      (error instanceof VehicleVinAllocated || error instanceof VehicleVinDelivered) &&
      error.holder !== null &&
      !maySee(context.actor, error.holder)
    )
      throw error instanceof VehicleVinAllocated
        ? new VehicleVinAllocated(vin, null, error.heldUntil)
        : new VehicleVinDelivered(vin, null);
    throw error;
  }
};
