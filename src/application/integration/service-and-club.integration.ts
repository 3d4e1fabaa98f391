import type {
  MembershipEnrolled,
  MembershipReEnrolled,
  MembershipTierChanged,
  PointsEarned,
  PointsRedeemed,
} from '../../domain/membership/membership.events';
import type { RepairOrderSettled, VehicleCheckedIn } from '../../domain/repair-order/repair-order.events';
import { type AnyIntegrationMapping, recordMappings } from './integration-event';

const repairOrderEvent = recordMappings(
  'repair-order',
  (data: { repairOrderId: string; dealerId: string }) => data.repairOrderId,
  (data) => data.dealerId,
);

/** The public data of each type: what the feed and webhooks carry (typed in the OpenAPI document). */
export const repairOrderOpenedData = (d: VehicleCheckedIn['data']) => ({
  repairOrderId: d.repairOrderId,
  dealerId: d.dealerId,
  vin: d.vin,
  plate: d.plate,
  customerId: d.customerId,
  mileageKm: d.mileageKm,
  serviceAdvisorId: d.serviceAdvisorId,
  fromAppointment: d.fromAppointment,
  checkedInAt: d.checkedInAt,
});

export const repairOrderSettledData = (d: RepairOrderSettled['data']) => ({
  repairOrderId: d.repairOrderId,
  dealerId: d.dealerId,
  vin: d.vin,
  plate: d.plate,
  customerId: d.customerId,
  roType: d.roType,
  payer: d.payer,
  labourFen: d.labourFen,
  partsFen: d.partsFen,
  totalFen: d.totalFen,
  mileageKm: d.mileageKm,
  rework: d.rework,
  operationCodes: [...d.operationCodes],
  settledAt: d.settledAt,
});

export const memberEnrolledData = (d: MembershipEnrolled['data']) => ({
  customerId: d.customerId,
  homeDealerId: d.homeDealerId,
  cardNumber: d.cardNumber,
  tier: d.tier,
  enrolledAt: d.enrolledAt,
});

export const memberReEnrolledData = (d: MembershipReEnrolled['data']) => ({
  customerId: d.customerId,
  homeDealerId: d.homeDealerId,
  cardNumber: d.cardNumber,
  previousCardNumber: d.previousCardNumber,
  tier: d.tier,
  previousStatus: d.previousStatus,
  endedAt: d.endedAt,
  reEnrolledAt: d.reEnrolledAt,
});

export const memberTierChangedData = (d: MembershipTierChanged['data']) => ({
  customerId: d.customerId,
  homeDealerId: d.homeDealerId,
  from: d.from,
  to: d.to,
  lifetimePoints: d.lifetimePoints,
  changedAt: d.changedAt,
});

export const memberPointsEarnedData = (d: PointsEarned['data']) => ({
  customerId: d.customerId,
  homeDealerId: d.homeDealerId,
  dealerId: d.dealerId,
  lotId: d.lotId,
  source: { kind: d.source.kind, id: d.source.id },
  amount: d.amount,
  earnedAt: d.earnedAt,
  expiresAt: d.expiresAt,
});

export const memberPointsRedeemedData = (d: PointsRedeemed['data']) => ({
  customerId: d.customerId,
  homeDealerId: d.homeDealerId,
  redemptionId: d.redemptionId,
  purpose: d.purpose,
  amount: d.amount,
  redeemedAt: d.redeemedAt,
});

/** Repair orders opened (checked in) and settled. */
export const SERVICE_MAPPINGS: readonly AnyIntegrationMapping[] = [
  repairOrderEvent<VehicleCheckedIn>('VehicleCheckedIn', 'opened', repairOrderOpenedData),
  repairOrderEvent<RepairOrderSettled>('RepairOrderSettled', 'settled', repairOrderSettledData),
];

const memberEvent = recordMappings(
  'membership',
  (data: { customerId: string; homeDealerId: string }) => data.customerId,
  (data) => data.homeDealerId,
);

/** The loyalty club: enrolment and re-enrolment, tiers, points earned and redeemed. */
export const CLUB_MAPPINGS: readonly AnyIntegrationMapping[] = [
  memberEvent<MembershipEnrolled>('MembershipEnrolled', 'enrolled', memberEnrolledData),
  memberEvent<MembershipReEnrolled>('MembershipReEnrolled', 're-enrolled', memberReEnrolledData),
  memberEvent<MembershipTierChanged>('MembershipTierChanged', 'tier-changed', memberTierChangedData),
  memberEvent<PointsEarned>('PointsEarned', 'points-earned', memberPointsEarnedData),
  memberEvent<PointsRedeemed>('PointsRedeemed', 'points-redeemed', memberPointsRedeemedData),
];
