import type * as complaint from '../../../application/integration/complaint.integration';
import type * as sales from '../../../application/integration/sales.integration';
import type * as club from '../../../application/integration/service-and-club.integration';
import type {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintClock,
  ComplaintLevel,
  ComplaintSeverity,
  Satisfaction,
} from '../../../domain/complaint/complaint.types';
import type { RedemptionPurpose, Tier } from '../../../domain/membership/membership.types';
import { EarnSourceView } from '../membership/membership.responses';
import type {
  FunnelStage,
  LostReason,
  OpenGrade,
  ProspectChannel,
} from '../../../domain/prospect/prospect.types';
import type { RepairOrderPayer, RepairOrderType } from '../../../domain/repair-order/repair-order.types';
import type { PaymentMethod } from '../../../domain/vehicle-sale/vehicle-sale.types';

/*
 * The `data` of each integration event type, as the feed and webhooks carry it (docs/integration.md).
 * Personal fields are as the caller's role may see them: masked, `[erased]` once forgotten, an ID number
 * null for a role that may not see it. `TYPED` at the end makes the compiler check each class against the
 * mapping that writes it (same fields, compatible types), so the document cannot drift from the code.
 */

export class FeedCustomerView {
  customerId!: string;
  name!: string;
  phone!: string;
}

export class ComplaintFiledData {
  complaintId!: string;
  dealerId!: string;
  channel!: ComplaintChannel;
  category!: ComplaintCategory;
  severity!: ComplaintSeverity;
  level!: ComplaintLevel;
  customer!: FeedCustomerView;
  relatedSaleId!: string | null;
  relatedRepairOrderId!: string | null;
  filedAt!: string;
  acknowledgeBy!: string;
  resolveBy!: string;
}

export class ComplaintAcknowledgedData {
  complaintId!: string;
  dealerId!: string;
  acknowledgedAt!: string;
  acknowledgeBy!: string;
  onTime!: boolean;
}

export class ComplaintEscalatedData {
  complaintId!: string;
  dealerId!: string;
  from!: ComplaintLevel;
  to!: ComplaintLevel;
  /** True when a missed deadline escalated it by itself. */
  automatic!: boolean;
  escalatedAt!: string;
}

export class ComplaintResolvedData {
  complaintId!: string;
  dealerId!: string;
  resolvedAt!: string;
  resolveBy!: string;
  onTime!: boolean;
}

export class ComplaintClosedData {
  complaintId!: string;
  dealerId!: string;
  closedAt!: string;
  satisfaction!: Satisfaction;
}

export class ComplaintReopenedData {
  complaintId!: string;
  reopenedAt!: string;
  resolveBy!: string;
}

/** A decision of the complaint's clock: a missed deadline (`clock`, `level`) or an escalation (`from`, `to`). */
export class WithdrawnDecisionView {
  kind!: 'deadline-missed' | 'escalated';
  at!: string;
  clock?: ComplaintClock;
  level?: ComplaintLevel;
  from?: ComplaintLevel;
  to?: ComplaintLevel;
}

export class ComplaintDecisionsWithdrawnData {
  complaintId!: string;
  dealerId!: string;
  lateFactAt!: string;
  decisions!: WithdrawnDecisionView[];
}

export class ProspectRegisteredData {
  prospectId!: string;
  dealerId!: string;
  consultantId!: string;
  channel!: ProspectChannel;
  contact!: FeedCustomerView;
  modelOfInterest!: string;
  budgetFen!: number | null;
  expectedPurchaseBy!: string | null;
  campaignId!: string | null;
  grade!: OpenGrade;
  registeredAt!: string;
}

export class ProspectOrderedData {
  prospectId!: string;
  dealerId!: string;
  saleId!: string;
  model!: string;
  priceFen!: number;
  orderedAt!: string;
}

export class ProspectLostData {
  prospectId!: string;
  dealerId!: string;
  reason!: LostReason;
  stage!: FunnelStage;
  gradeBefore!: OpenGrade;
  lostAt!: string;
}

export class FeedBuyerView extends FeedCustomerView {
  /** Null when not given, or for a role that may not see ID numbers. */
  idNumber!: string | null;
  address!: string | null;
}

export class SaleSignedData {
  saleId!: string;
  prospectId!: string;
  dealerId!: string;
  consultantId!: string;
  customer!: FeedBuyerView;
  model!: string;
  listPriceFen!: number;
  discountFen!: number;
  priceFen!: number;
  payment!: PaymentMethod;
  promisedDeliveryAt!: string;
  signedAt!: string;
}

export class SaleDeliveredData {
  saleId!: string;
  prospectId!: string;
  dealerId!: string;
  customerId!: string;
  vin!: string;
  model!: string;
  promisedDeliveryAt!: string;
  deliveredAt!: string;
  onTime!: boolean;
}

export class SaleCancelledData {
  saleId!: string;
  prospectId!: string;
  dealerId!: string;
  cancelledAt!: string;
}

export class RepairOrderOpenedData {
  repairOrderId!: string;
  dealerId!: string;
  vin!: string;
  plate!: string;
  customerId!: string;
  mileageKm!: number;
  serviceAdvisorId!: string;
  fromAppointment!: boolean;
  checkedInAt!: string;
}

export class RepairOrderSettledData {
  repairOrderId!: string;
  dealerId!: string;
  vin!: string;
  plate!: string;
  customerId!: string;
  roType!: RepairOrderType;
  payer!: RepairOrderPayer;
  labourFen!: number;
  partsFen!: number;
  totalFen!: number;
  mileageKm!: number;
  rework!: boolean;
  operationCodes!: string[];
  settledAt!: string;
}

export class MembershipEnrolledData {
  customerId!: string;
  homeDealerId!: string;
  cardNumber!: string;
  tier!: Tier;
  enrolledAt!: string;
}

export class MembershipReEnrolledData {
  customerId!: string;
  homeDealerId!: string;
  cardNumber!: string;
  previousCardNumber!: string;
  tier!: Tier;
  previousStatus!: 'lapsed' | 'cancelled';
  endedAt!: string;
  reEnrolledAt!: string;
}

export class MembershipTierChangedData {
  customerId!: string;
  homeDealerId!: string;
  from!: Tier;
  to!: Tier;
  lifetimePoints!: number;
  changedAt!: string;
}

export class MembershipPointsEarnedData {
  customerId!: string;
  homeDealerId!: string;
  /** Where the points were earned. */
  dealerId!: string;
  lotId!: string;
  source!: EarnSourceView;
  amount!: number;
  earnedAt!: string;
  expiresAt!: string;
}

export class MembershipPointsRedeemedData {
  customerId!: string;
  homeDealerId!: string;
  redemptionId!: string;
  purpose!: RedemptionPurpose;
  amount!: number;
  redeemedAt!: string;
}

/** The mapping's output fits the class, and both have the same fields. */
type Documents<View, Data> = Data extends View
  ? [Exclude<keyof View, keyof Data> | Exclude<keyof Data, keyof View>] extends [never]
    ? true
    : never
  : never;
type Out<F extends (...args: never[]) => unknown> = ReturnType<F>;

/** Each public type's data class, by the fact of its type (`com.dealer-crm.<record>.<fact>.v1`). */
export const FEED_DATA = {
  'complaint.filed': ComplaintFiledData,
  'complaint.acknowledged': ComplaintAcknowledgedData,
  'complaint.escalated': ComplaintEscalatedData,
  'complaint.resolved': ComplaintResolvedData,
  'complaint.closed': ComplaintClosedData,
  'complaint.reopened': ComplaintReopenedData,
  'complaint.decisions-withdrawn': ComplaintDecisionsWithdrawnData,
  'prospect.registered': ProspectRegisteredData,
  'prospect.ordered': ProspectOrderedData,
  'prospect.lost': ProspectLostData,
  'vehicle-sale.signed': SaleSignedData,
  'vehicle-sale.delivered': SaleDeliveredData,
  'vehicle-sale.cancelled': SaleCancelledData,
  'repair-order.opened': RepairOrderOpenedData,
  'repair-order.settled': RepairOrderSettledData,
  'membership.enrolled': MembershipEnrolledData,
  'membership.re-enrolled': MembershipReEnrolledData,
  'membership.tier-changed': MembershipTierChangedData,
  'membership.points-earned': MembershipPointsEarnedData,
  'membership.points-redeemed': MembershipPointsRedeemedData,
} as const;

// Compile-time only: fails to build when a mapping and its class part.
export const TYPED: readonly true[] = [
  true satisfies Documents<ComplaintFiledData, Out<typeof complaint.complaintFiledData>>,
  true satisfies Documents<ComplaintAcknowledgedData, Out<typeof complaint.complaintAcknowledgedData>>,
  true satisfies Documents<ComplaintEscalatedData, Out<typeof complaint.complaintEscalatedData>>,
  true satisfies Documents<ComplaintResolvedData, Out<typeof complaint.complaintResolvedData>>,
  true satisfies Documents<ComplaintClosedData, Out<typeof complaint.complaintClosedData>>,
  true satisfies Documents<ComplaintReopenedData, Out<typeof complaint.complaintReopenedData>>,
  true satisfies Documents<
    ComplaintDecisionsWithdrawnData,
    Out<typeof complaint.complaintDecisionsWithdrawnData>
  >,
  true satisfies Documents<ProspectRegisteredData, Out<typeof sales.prospectRegisteredData>>,
  true satisfies Documents<ProspectOrderedData, Out<typeof sales.prospectOrderedData>>,
  true satisfies Documents<ProspectLostData, Out<typeof sales.prospectLostData>>,
  true satisfies Documents<SaleSignedData, Out<typeof sales.saleSignedData>>,
  true satisfies Documents<SaleDeliveredData, Out<typeof sales.saleDeliveredData>>,
  true satisfies Documents<SaleCancelledData, Out<typeof sales.saleCancelledData>>,
  true satisfies Documents<RepairOrderOpenedData, Out<typeof club.repairOrderOpenedData>>,
  true satisfies Documents<RepairOrderSettledData, Out<typeof club.repairOrderSettledData>>,
  true satisfies Documents<MembershipEnrolledData, Out<typeof club.memberEnrolledData>>,
  true satisfies Documents<MembershipReEnrolledData, Out<typeof club.memberReEnrolledData>>,
  true satisfies Documents<MembershipTierChangedData, Out<typeof club.memberTierChangedData>>,
  true satisfies Documents<MembershipPointsEarnedData, Out<typeof club.memberPointsEarnedData>>,
  true satisfies Documents<MembershipPointsRedeemedData, Out<typeof club.memberPointsRedeemedData>>,
];
