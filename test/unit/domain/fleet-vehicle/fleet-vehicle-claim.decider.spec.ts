import type { FleetAccountEvent } from '../../../../src/domain/fleet-account/fleet-account.events';
import {
  type ClaimFleetVehicle,
  type FleetVehicleClaimed,
  fleetVehicleClaimDecider,
  type FleetVehicleHolder,
  type FleetVehicleStanding,
  fleetVehicleStreamId,
} from '../../../../src/domain/fleet-vehicle/fleet-vehicle-claim';
import {
  fleetAccountVehicleHold,
  fleetVehicleStandingOf,
} from '../../../../src/domain/fleet-vehicle/fleet-vehicle-standing';
import { deciderSpecification } from '../../../support/decider-specification';

const spec = deciderSpecification(fleetVehicleClaimDecider);
const VIN = 'LSVAB4BR5MN000001';
const NOW = '2026-05-02T02:00:00.000Z';
const accountA: FleetVehicleHolder = { accountId: 'fa-a', dealerId: 'd-sh-01' };
const accountB: FleetVehicleHolder = { accountId: 'fa-b', dealerId: 'd-sh-01' };

const claimedBy = (
  holder: FleetVehicleHolder,
  holderRevision: number,
  previousHolder: FleetVehicleHolder | null = null,
  claimedAt = '2026-05-01T02:00:00.000Z',
): FleetVehicleClaimed => ({
  type: 'FleetVehicleClaimed',
  data: { vin: VIN, holder, holderRevision, previousHolder, claimedAt },
});

/** A claim by `holder` at its stream's `holderRevision`, having read the current holder as `standing`. */
const claim = (
  holder: FleetVehicleHolder,
  holderRevision: number,
  current: {
    holder: FleetVehicleHolder;
    holderRevision: number;
    standing: FleetVehicleStanding;
    letGoAt?: string;
  } | null,
): ClaimFleetVehicle => ({
  type: 'ClaimFleetVehicle',
  data: {
    vin: VIN,
    holder,
    holderRevision,
    current: current && { ...current, letGoAt: current.letGoAt ?? null },
  },
  metadata: { now: NOW, actor: { userId: 'sc-li', role: 'sales-consultant', dealerId: 'd-sh-01' } },
});

describe('fleet vehicle claim (one fleet account per vehicle)', () => {
  it('gives a VIN on no account to the first account that registers it', () => {
    spec
      .given([])
      .when(claim(accountA, 0, null))
      .then([claimedBy(accountA, 0, null, NOW)]);
    expect(fleetVehicleStreamId(VIN)).toBe(`fleetvehicle-${VIN}`);
  });

  it('changes nothing for the account that holds it (a retry of its registration)', () => {
    spec
      .given([claimedBy(accountA, 0)])
      .when(claim(accountA, 0, { holder: accountA, holderRevision: 0, standing: 'holds' }))
      .then([]);
  });

  it('claims again, at the new revision, for the same account registering it again after its removal', () => {
    spec
      .given([claimedBy(accountA, 0)])
      .when(claim(accountA, 4, { holder: accountA, holderRevision: 0, standing: 'let-go', letGoAt: NOW }))
      .then([claimedBy(accountA, 4, accountA, NOW)]);
  });

  it('refuses another account while the holder still has it, naming the VIN and the holder', () => {
    spec
      .given([claimedBy(accountA, 0)])
      .when(claim(accountB, 2, { holder: accountA, holderRevision: 0, standing: 'holds' }))
      .thenThrows('FLEET_VEHICLE_ON_OTHER_ACCOUNT', { vin: VIN, accountId: 'fa-b', otherAccountId: 'fa-a' });
  });

  it('lets another account take it over once the holder removed it at or before the registration', () => {
    spec
      .given([claimedBy(accountA, 0)])
      .when(
        claim(accountB, 2, {
          holder: accountA,
          holderRevision: 0,
          standing: 'let-go',
          letGoAt: '2026-05-01T09:00:00.000Z',
        }),
      )
      .then([claimedBy(accountB, 2, accountA, NOW)]);
    // Removed at the very instant of the registration: the period ended then, so it is free.
    spec
      .given([claimedBy(accountA, 0)])
      .when(claim(accountB, 2, { holder: accountA, holderRevision: 0, standing: 'let-go', letGoAt: NOW }))
      .then([claimedBy(accountB, 2, accountA, NOW)]);
  });

  it('refuses a registration dated before the holder removed it (a late fact), with heldUntil', () => {
    spec
      .given([claimedBy(accountA, 0)])
      .when(
        claim(accountB, 2, {
          holder: accountA,
          holderRevision: 0,
          standing: 'let-go',
          letGoAt: '2026-05-03T02:00:00.000Z',
        }),
      )
      .thenThrows('FLEET_VEHICLE_ON_OTHER_ACCOUNT', {
        vin: VIN,
        otherAccountId: 'fa-a',
        heldUntil: '2026-05-03T02:00:00.000Z',
      });
  });

  it('takes over from a registration that never landed (no time: the account never held it)', () => {
    spec
      .given([claimedBy(accountA, 0)])
      .when(claim(accountB, 2, { holder: accountA, holderRevision: 0, standing: 'let-go' }))
      .then([claimedBy(accountB, 2, accountA, NOW)]);
  });

  it('finds the VIN held when the claim moved since the claimant read it (another account landed first)', () => {
    spec
      .given([claimedBy(accountA, 0), claimedBy(accountB, 2, accountA)])
      .when(claim(accountA, 5, { holder: accountA, holderRevision: 0, standing: 'let-go' }))
      .thenThrows('FLEET_VEHICLE_ON_OTHER_ACCOUNT', { otherAccountId: 'fa-b' });
  });
});

describe("an account's standing on a VIN, folded from its stream", () => {
  const ids = { accountId: 'fa-a', dealerId: 'd-sh-01' };
  const registered = (vin: string, at: string): FleetAccountEvent => ({
    type: 'FleetVehicleRegistered',
    data: { ...ids, vin, driverCustomerId: null, registeredAt: at },
  });
  const removed = (vin: string, at: string): FleetAccountEvent => ({
    type: 'FleetVehicleRemoved',
    data: { ...ids, vin, reason: 'sold', removedAt: at },
  });
  const fold = (events: FleetAccountEvent[]) => {
    const { initialState, evolve } = fleetAccountVehicleHold(VIN);
    return events.reduce(evolve, initialState());
  };
  const OTHER = 'LSVAB4BR5MN000002';

  it('holds from the registration, lets go at the removal, and ignores other VINs', () => {
    expect(fold([registered(VIN, '2026-05-01T02:00:00.000Z')])).toEqual({ heldNow: true, letGoAt: null });
    expect(
      fold([
        registered(VIN, '2026-05-01T02:00:00.000Z'),
        removed(VIN, '2026-05-04T02:00:00.000Z'),
        registered(OTHER, NOW),
      ]),
    ).toEqual({ heldNow: false, letGoAt: '2026-05-04T02:00:00.000Z' });
  });

  it('is held while the stream has not moved past the claim’s revision, free once it moved on without it', () => {
    const none = fold([]);
    expect(fleetVehicleStandingOf(none, 3, 3)).toEqual({ standing: 'holds', letGoAt: null });
    expect(fleetVehicleStandingOf(none, 4, 3)).toEqual({ standing: 'let-go', letGoAt: null });
    const held = fold([registered(VIN, NOW)]);
    expect(fleetVehicleStandingOf(held, 9, 3)).toEqual({ standing: 'holds', letGoAt: null });
    const gone = fold([registered(VIN, NOW), removed(VIN, '2026-05-04T02:00:00.000Z')]);
    expect(fleetVehicleStandingOf(gone, 9, 3)).toEqual({
      standing: 'let-go',
      letGoAt: '2026-05-04T02:00:00.000Z',
    });
  });
});
