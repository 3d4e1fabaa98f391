import type {
  MembershipEnrolled,
  MembershipTierChanged,
  PointsEarned,
  PointsRedeemed,
} from '../../domain/membership/membership.events';
import type { RepairOrderSettled, VehicleCheckedIn } from '../../domain/repair-order/repair-order.events';
import { type AnyIntegrationMapping, integrationType as type, mapping } from './integration-event';

/** Repair orders opened (checked in) and settled. */
export const SERVICE_MAPPINGS: readonly AnyIntegrationMapping[] = [
  mapping<VehicleCheckedIn>({
    from: 'VehicleCheckedIn',
    type: type('repair-order', 'opened'),
    record: 'repair-order',
    recordId: (d) => d.repairOrderId,
    dealerOf: (d) => d.dealerId,
    data: (d) => ({
      repairOrderId: d.repairOrderId,
      dealerId: d.dealerId,
      vin: d.vin,
      plate: d.plate,
      customerId: d.customerId,
      mileageKm: d.mileageKm,
      serviceAdvisorId: d.serviceAdvisorId,
      fromAppointment: d.fromAppointment,
      checkedInAt: d.checkedInAt,
    }),
  }),
  mapping<RepairOrderSettled>({
    from: 'RepairOrderSettled',
    type: type('repair-order', 'settled'),
    record: 'repair-order',
    recordId: (d) => d.repairOrderId,
    dealerOf: (d) => d.dealerId,
    data: (d) => ({
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
      operationCodes: d.operationCodes,
      settledAt: d.settledAt,
    }),
  }),
];

const member = (data: { customerId: string }) => data.customerId;
const home = (data: { homeDealerId: string }) => data.homeDealerId;

/** The loyalty club: enrolment, tiers, points earned and redeemed. */
export const CLUB_MAPPINGS: readonly AnyIntegrationMapping[] = [
  mapping<MembershipEnrolled>({
    from: 'MembershipEnrolled',
    type: type('membership', 'enrolled'),
    record: 'membership',
    recordId: member,
    dealerOf: home,
    data: (d) => ({
      customerId: d.customerId,
      homeDealerId: d.homeDealerId,
      cardNumber: d.cardNumber,
      tier: d.tier,
      enrolledAt: d.enrolledAt,
    }),
  }),
  mapping<MembershipTierChanged>({
    from: 'MembershipTierChanged',
    type: type('membership', 'tier-changed'),
    record: 'membership',
    recordId: member,
    dealerOf: home,
    data: (d) => ({
      customerId: d.customerId,
      homeDealerId: d.homeDealerId,
      from: d.from,
      to: d.to,
      lifetimePoints: d.lifetimePoints,
      changedAt: d.changedAt,
    }),
  }),
  mapping<PointsEarned>({
    from: 'PointsEarned',
    type: type('membership', 'points-earned'),
    record: 'membership',
    recordId: member,
    dealerOf: home,
    data: (d) => ({
      customerId: d.customerId,
      homeDealerId: d.homeDealerId,
      dealerId: d.dealerId,
      lotId: d.lotId,
      source: { kind: d.source.kind, id: d.source.id },
      amount: d.amount,
      earnedAt: d.earnedAt,
      expiresAt: d.expiresAt,
    }),
  }),
  mapping<PointsRedeemed>({
    from: 'PointsRedeemed',
    type: type('membership', 'points-redeemed'),
    record: 'membership',
    recordId: member,
    dealerOf: home,
    data: (d) => ({
      customerId: d.customerId,
      homeDealerId: d.homeDealerId,
      redemptionId: d.redemptionId,
      purpose: d.purpose,
      amount: d.amount,
      redeemedAt: d.redeemedAt,
    }),
  }),
];
