import {
  type ClaimVehicleVin,
  type VehicleVinClaimed,
  vehicleVinClaimDecider,
  vehicleVinStreamId,
  type VinHolder,
  type VinStanding,
} from '../../../../src/domain/vehicle-vin/vehicle-vin-claim';
import { deciderSpecification } from '../../../support/decider-specification';

const spec = deciderSpecification(vehicleVinClaimDecider);
const VIN = 'LSVAB4BR5MN000001';
const NOW = '2026-05-02T02:00:00.000Z';
const saleA: VinHolder = { kind: 'vehicle-sale', id: 's-a', dealerId: 'd-sh-01' };
const saleB: VinHolder = { kind: 'vehicle-sale', id: 's-b', dealerId: 'd-sh-01' };
const orderF: VinHolder = { kind: 'fleet-order', id: 'fo-1', dealerId: 'd-sh-01' };

const claimedBy = (
  holder: VinHolder,
  holderRevision: number,
  previousHolder: VinHolder | null = null,
  claimedAt = '2026-05-01T02:00:00.000Z',
): VehicleVinClaimed => ({
  type: 'VehicleVinClaimed',
  data: { vin: VIN, holder, holderRevision, previousHolder, claimedAt },
});

/** A claim by `holder` at its record's `holderRevision`, having read the current claim's holder as `standing`. */
const claim = (
  holder: VinHolder,
  holderRevision: number,
  current: { holder: VinHolder; holderRevision: number; standing: VinStanding; letGoAt?: string } | null,
): ClaimVehicleVin => ({
  type: 'ClaimVehicleVin',
  data: {
    vin: VIN,
    holder,
    holderRevision,
    current: current && { ...current, letGoAt: current.letGoAt ?? null },
  },
  metadata: { now: NOW, actor: { userId: 'sc-li', role: 'sales-consultant', dealerId: 'd-sh-01' } },
});

describe('vehicle VIN claim', () => {
  it('gives a free VIN to the first record that allocates it', () => {
    spec
      .given([])
      .when(claim(saleA, 2, null))
      .then([claimedBy(saleA, 2, null, NOW)]);
    expect(vehicleVinStreamId(VIN)).toBe(`vehiclevin-${VIN}`);
  });

  it('changes nothing for the holder that still holds it (a retry, the same VIN allocated again)', () => {
    spec
      .given([claimedBy(saleA, 2)])
      .when(claim(saleA, 3, { holder: saleA, holderRevision: 2, standing: 'holds' }))
      .then([]);
  });

  it('claims again, at the new revision, for a holder whose record let it go (a swap back)', () => {
    spec
      .given([claimedBy(saleA, 2)])
      .when(claim(saleA, 6, { holder: saleA, holderRevision: 2, standing: 'let-go' }))
      .then([claimedBy(saleA, 6, saleA, NOW)]);
  });

  it('refuses another record while the holder still holds it, naming the holder', () => {
    spec
      .given([claimedBy(saleA, 2)])
      .when(claim(saleB, 1, { holder: saleA, holderRevision: 2, standing: 'holds' }))
      .thenThrows('VEHICLE_VIN_ALLOCATED', { vin: VIN, holder: { kind: 'vehicle-sale', id: 's-a' } });
    spec
      .given([claimedBy(saleA, 2)])
      .when(claim(orderF, 4, { holder: saleA, holderRevision: 2, standing: 'holds' }))
      .thenThrows('VEHICLE_VIN_ALLOCATED');
  });

  it('hands the VIN to another record once its holder let it go (a cancelled sale), naming who had it', () => {
    spec
      .given([claimedBy(saleA, 2)])
      .when(claim(saleB, 1, { holder: saleA, holderRevision: 2, standing: 'let-go' }))
      .then([claimedBy(saleB, 1, saleA, NOW)]);
    spec
      .given([claimedBy(saleA, 2), claimedBy(saleB, 1, saleA)])
      .when(claim(orderF, 3, { holder: saleB, holderRevision: 1, standing: 'holds' }))
      .thenThrows('VEHICLE_VIN_ALLOCATED', { holder: { kind: 'vehicle-sale', id: 's-b' } });
  });

  it('business time decides: a claim dated before the holder let go finds the VIN held then', () => {
    // Sale A was cancelled at 05-04 02:00; a claim dated 05-02 02:00 (a late fact) is refused.
    spec
      .given([claimedBy(saleA, 2)])
      .when(
        claim(saleB, 1, {
          holder: saleA,
          holderRevision: 2,
          standing: 'let-go',
          letGoAt: '2026-05-04T02:00:00.000Z',
        }),
      )
      .thenThrows('VEHICLE_VIN_ALLOCATED', {
        vin: VIN,
        holder: { kind: 'vehicle-sale', id: 's-a' },
        heldUntil: '2026-05-04T02:00:00.000Z',
      });
    // Let go at the claim's very instant: taken over.
    spec
      .given([claimedBy(saleA, 2)])
      .when(claim(saleB, 1, { holder: saleA, holderRevision: 2, standing: 'let-go', letGoAt: NOW }))
      .then([claimedBy(saleB, 1, saleA, NOW)]);
  });

  it('never hands over a delivered vehicle', () => {
    spec
      .given([claimedBy(saleA, 2)])
      .when(claim(saleB, 1, { holder: saleA, holderRevision: 2, standing: 'delivered' }))
      .thenThrows('VEHICLE_VIN_DELIVERED', { vin: VIN, holder: { kind: 'vehicle-sale', id: 's-a' } });
  });

  it('takes a standing read of an older claim for "holds": the VIN moved on before this decision', () => {
    // Read: sale A had let it go; meanwhile sale B took it over (a new claim): B is not known to let go.
    spec
      .given([claimedBy(saleA, 2), claimedBy(saleB, 1, saleA)])
      .when(claim(orderF, 3, { holder: saleA, holderRevision: 2, standing: 'let-go' }))
      .thenThrows('VEHICLE_VIN_ALLOCATED', { holder: { kind: 'vehicle-sale', id: 's-b' } });
    // Read free, and another record claimed it first.
    spec
      .given([claimedBy(saleA, 2)])
      .when(claim(saleB, 1, null))
      .thenThrows('VEHICLE_VIN_ALLOCATED');
    // The same holder's claim renewed at another revision: the standing read is of the older claim.
    spec
      .given([claimedBy(saleA, 2), claimedBy(saleA, 6, saleA)])
      .when(claim(saleB, 1, { holder: saleA, holderRevision: 2, standing: 'let-go' }))
      .thenThrows('VEHICLE_VIN_ALLOCATED');
    // Its own claim, moved on meanwhile: nothing to append (its allocation is pinned to its revision).
    spec
      .given([claimedBy(saleA, 2)])
      .when(claim(saleA, 2, null))
      .then([]);
  });
});
