import { DomainError } from '../shared/domain-error';
import type { Command, Decider, Event } from '../shared/event';
import { createHolderClaimDecider } from '../shared/holder-claim';

/** The record a VIN is allocated to: a single vehicle sale or a fleet order. */
export type VinHolder = Readonly<{ kind: 'vehicle-sale' | 'fleet-order'; id: string; dealerId: string }>;

/**
 * What the holder's record says of the VIN, read at claim time: it still holds it (allocated, or its
 * allocation may still land), it let it go (cancelled, the VIN swapped for another, or the allocation that
 * claimed it never landed), or it delivered the vehicle (never taken over: a resale is a new process).
 */
export type VinStanding = 'holds' | 'let-go' | 'delivered';

/**
 * One stream per VIN (`vehiclevin-<VIN>`), claimed before a sale or a fleet order allocates it, so a VIN
 * is on one open record across the network: the event store's expected revision settles two allocations
 * racing for it, where the read models would lag. `holderRevision` is the revision of the holder's record
 * the allocation was decided on (the allocation is appended at exactly the next revision or not at all),
 * which lets a later claimant tell an allocation still on its way from one that never landed.
 */
export type VehicleVinClaimed = Event<
  'VehicleVinClaimed',
  {
    vin: string;
    holder: VinHolder;
    holderRevision: number;
    /** The holder that had let the VIN go (null for a first claim; the holder itself for a renewed claim). */
    previousHolder: VinHolder | null;
    claimedAt: string;
  }
>;

export type ClaimVehicleVin = Command<
  'ClaimVehicleVin',
  {
    vin: string;
    holder: VinHolder;
    holderRevision: number;
    /**
     * The current claim as the claimant read it and its holder's standing then, with the business time its
     * holder let the VIN go (null: never held it, or holds it); null: the VIN was free.
     */
    current: Readonly<{
      holder: VinHolder;
      holderRevision: number;
      standing: VinStanding;
      letGoAt: string | null;
    }> | null;
  }
>;

export type VehicleVinClaimState =
  Readonly<{ status: 'free' }> | Readonly<{ status: 'claimed'; holder: VinHolder; holderRevision: number }>;

export const VEHICLE_VIN_CLAIM_EVENT_TYPES = { VehicleVinClaimed: 1 } as const satisfies Record<
  VehicleVinClaimed['type'],
  number
>;

export const sameHolder = (a: VinHolder, b: VinHolder): boolean => a.kind === b.kind && a.id === b.id;

const named = (holder: VinHolder | null) => (holder ? `${holder.kind} ${holder.id}` : 'another open record');

/**
 * The VIN is on another open record. `holder` is null when the reader may not see it (another dealer's
 * record, for a dealer-bound role): the VIN alone is named then.
 */
export class VehicleVinAllocated extends DomainError {
  constructor(
    readonly vin: string,
    readonly holder: VinHolder | null,
    /** Set when the holder let the VIN go after the claim's business time: the VIN was held then. */
    readonly heldUntil: string | null = null,
  ) {
    super(
      'VEHICLE_VIN_ALLOCATED',
      'already-exists',
      heldUntil === null
        ? `VIN ${vin} is allocated to ${named(holder)}: allocate another vehicle, or cancel that record first`
        : `VIN ${vin} was allocated to ${named(holder)} until ${heldUntil}: date the allocation on or after that, or allocate another vehicle`,
      {
        vin,
        ...(holder ? { holder: { kind: holder.kind, id: holder.id } } : {}),
        ...(heldUntil === null ? {} : { heldUntil }),
      },
    );
  }
}

/** The vehicle was delivered on its record: its VIN is never allocated again (a resale is not built). */
export class VehicleVinDelivered extends DomainError {
  constructor(
    readonly vin: string,
    readonly holder: VinHolder | null,
  ) {
    super(
      'VEHICLE_VIN_DELIVERED',
      'already-exists',
      `VIN ${vin} was delivered on ${named(holder)}: a delivered vehicle is not sold again here; allocate another vehicle`,
      { vin, ...(holder ? { holder: { kind: holder.kind, id: holder.id } } : {}) },
    );
  }
}

/**
 * Free: claimed. The claimant's own claim: nothing while it holds the VIN (a retry, a re-allocation of
 * the same VIN), claimed again at the new revision if its record had let it go (a swap back). Another
 * holder's: taken over when it let the VIN go at or before the claim's business time, refused while it
 * holds it, when the claim is dated before it let go, or once it delivered it (`createHolderClaimDecider`).
 */
export const vehicleVinClaimDecider: Decider<VehicleVinClaimState, ClaimVehicleVin, VehicleVinClaimed> =
  createHolderClaimDecider<VinHolder, VinStanding, ClaimVehicleVin, VehicleVinClaimed>({
    eventType: 'VehicleVinClaimed',
    sameHolder,
    heldElsewhere: (command, holder, heldUntil) =>
      new VehicleVinAllocated(command.data.vin, holder, heldUntil),
    delivered: (command, holder) => new VehicleVinDelivered(command.data.vin, holder),
  });

export const vehicleVinStreamId = (vin: string): string => `vehiclevin-${vin}`;
