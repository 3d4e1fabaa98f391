import { DomainError } from '../shared/domain-error';
import type { Command, Decider, Event } from '../shared/event';
import { createHolderClaimDecider } from '../shared/holder-claim';

/** The fleet account a VIN is registered on. */
export type FleetVehicleHolder = Readonly<{ accountId: string; dealerId: string }>;

/**
 * What the holding account's stream says of the VIN, read at claim time: it still holds it (registered,
 * or its registration may still land) or it let it go (removed, or the registration that claimed it never
 * landed).
 */
export type FleetVehicleStanding = 'holds' | 'let-go';

/**
 * One stream per fleet vehicle (`fleetvehicle-<VIN>`), claimed before an account registers the VIN, so a
 * vehicle is on one fleet account at a time: the event store's expected revision settles two accounts
 * registering it at once. `holderRevision` is the revision of the account's stream the registration was
 * decided on (it is appended at exactly the next revision or not at all), which lets a later claimant tell
 * a registration still on its way from one that never landed.
 */
export type FleetVehicleClaimed = Event<
  'FleetVehicleClaimed',
  {
    vin: string;
    holder: FleetVehicleHolder;
    holderRevision: number;
    /** The account that had let the VIN go (null for a first claim; the account itself for a renewed claim). */
    previousHolder: FleetVehicleHolder | null;
    claimedAt: string;
  }
>;

export type ClaimFleetVehicle = Command<
  'ClaimFleetVehicle',
  {
    vin: string;
    holder: FleetVehicleHolder;
    holderRevision: number;
    /**
     * The current claim as the claimant read it, its holder's standing then and the business time it let
     * the VIN go (null: it never held it, or holds it); null: the VIN was on no account.
     */
    current: Readonly<{
      holder: FleetVehicleHolder;
      holderRevision: number;
      standing: FleetVehicleStanding;
      letGoAt: string | null;
    }> | null;
  }
>;

export type FleetVehicleClaimState =
  | Readonly<{ status: 'free' }>
  | Readonly<{ status: 'claimed'; holder: FleetVehicleHolder; holderRevision: number }>;

export const FLEET_VEHICLE_CLAIM_EVENT_TYPES = { FleetVehicleClaimed: 1 } as const satisfies Record<
  FleetVehicleClaimed['type'],
  number
>;

/**
 * The VIN is registered on another fleet account (or was, after the registration's business time:
 * `heldUntil`). `other` is null when the reader may not see it (another dealer's account, for a
 * dealer-bound role): the VIN alone is named then.
 */
export class FleetVehicleOnOtherAccount extends DomainError {
  constructor(
    readonly vin: string,
    readonly accountId: string,
    readonly other: FleetVehicleHolder | null,
    readonly heldUntil: string | null = null,
  ) {
    const named = other ? `fleet account ${other.accountId}` : 'another fleet account';
    super(
      'FLEET_VEHICLE_ON_OTHER_ACCOUNT',
      'already-exists',
      heldUntil === null
        ? `VIN ${vin} is registered on ${named}: remove it there first, then register it on fleet account ${accountId}`
        : `VIN ${vin} was registered on ${named} until ${heldUntil}: date the registration on fleet account ${accountId} on or after that`,
      {
        vin,
        accountId,
        ...(other ? { otherAccountId: other.accountId } : {}),
        ...(heldUntil === null ? {} : { heldUntil }),
      },
    );
  }
}

/**
 * Free: claimed. The claimant's own claim: nothing while the account holds the VIN (a retry), claimed
 * again at the new revision once it had let it go (registered again after a removal). Another account's:
 * taken over when it let the VIN go at or before the registration's business time; refused while it holds
 * it, or when the registration is dated before it let go (`createHolderClaimDecider`).
 */
export const fleetVehicleClaimDecider: Decider<
  FleetVehicleClaimState,
  ClaimFleetVehicle,
  FleetVehicleClaimed
> = createHolderClaimDecider<
  FleetVehicleHolder,
  FleetVehicleStanding,
  ClaimFleetVehicle,
  FleetVehicleClaimed
>({
  eventType: 'FleetVehicleClaimed',
  sameHolder: (a, b) => a.accountId === b.accountId,
  heldElsewhere: (command, holder, heldUntil) =>
    new FleetVehicleOnOtherAccount(command.data.vin, command.data.holder.accountId, holder, heldUntil),
});

export const fleetVehicleStreamId = (vin: string): string => `fleetvehicle-${vin}`;
