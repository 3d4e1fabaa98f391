import type { CustomerLookup } from '../../../application/privacy/customer-lookup.query';
import type { CustomerSummary } from '../../../application/privacy/customer-summary';
import type { CareTaskKind } from '../../../domain/care-task/care-task.types';
import type { ComplaintLevel, ComplaintStage } from '../../../domain/complaint/complaint.types';
import type { MembershipStatus, Tier } from '../../../domain/membership/membership.types';
import type { ProspectGrade } from '../../../domain/prospect/prospect.types';

type Of<K extends keyof CustomerSummary> =
  NonNullable<CustomerSummary[K]> extends (infer Row)[] ? Row : NonNullable<CustomerSummary[K]>;

export class LookupProspectView implements Of<'openProspects'> {
  /** @example p-1 */
  prospectId!: string;
  /** @example d-sh-01 */
  dealerId!: string;
  /** @example A */
  grade!: ProspectGrade;
  /** @example sc-li */
  consultantId!: string;
  /** When the consultant is due to call next. @example 2026-03-05T02:00:00.000Z */
  nextContactDue!: string | null;
}

export class LookupServiceView {
  /** @example ro-1 */
  repairOrderId!: string;
  /** @example d-sh-01 */
  dealerId!: string;
  /** @example 2026-03-20T08:00:00.000Z */
  settledAt!: string;
}

export class LookupServiceDueView {
  /** @example 2026-09-20T08:00:00.000Z */
  dueAt!: string;
  /** Which limit comes first: 6 months or 7,500 km at the vehicle's pace. @example time */
  dueBy!: 'time' | 'mileage';
}

export class LookupVehicleView implements Of<'vehicles'> {
  /** @example LSVAB4BR5MN000001 */
  vin!: string;
  /** From the vehicle sale; null for a vehicle only the workshop knows. @example Lavida */
  model!: string | null;
  /** From the latest repair order (personal data); null before the first visit. @example 沪A00001 */
  plate!: string | null;
  /** The latest settled repair order. */
  lastService!: LookupServiceView | null;
  /** Null before the first settled service. */
  nextServiceDue!: LookupServiceDueView | null;
}

export class LookupComplaintView implements Of<'openComplaints'> {
  /** @example c-1 */
  complaintId!: string;
  /** @example d-sh-01 */
  dealerId!: string;
  /** @example L1 */
  level!: ComplaintLevel;
  /** @example acknowledged */
  status!: ComplaintStage;
  /** The soonest deadline of its running clocks. @example 2026-03-25T02:00:00.000Z */
  nextDeadline!: string | null;
}

export class LookupMembershipView implements Of<'membership'> {
  /** @example C-cu-1 */
  cardNumber!: string;
  /** @example d-sh-01 */
  homeDealerId!: string;
  /** @example active */
  status!: MembershipStatus;
  /** @example silver */
  tier!: Tier;
  /** Points the member may spend now (as `GET /memberships/{customerId}` counts them). @example 150 */
  spendablePoints!: number;
}

export class LookupCallbackView implements Of<'openCallbacks'> {
  /** `service`: 3 days after a settlement (CSI); `delivery`: 7 days after a delivery (SSI). @example service */
  kind!: 'service' | 'delivery';
  /** The repair order or the vehicle sale. @example ro-1 */
  recordId!: string;
  /** @example d-sh-01 */
  dealerId!: string;
  /** @example 2026-03-23T08:00:00.000Z */
  dueAt!: string;
}

export class LookupCareTaskView implements Of<'openCareTasks'> {
  /** The care task (`GET /care/tasks/{taskId}`). @example maintenance-ro-1 */
  taskId!: string;
  /** Its kind: callbacks, follow-ups and reminders (docs/care.md). @example maintenance */
  kind!: CareTaskKind;
  /** @example d-sh-01 */
  dealerId!: string;
  /** @example 2026-09-10T04:00:00.000Z */
  dueAt!: string;
  /** Due before the lookup. @example false */
  overdue!: boolean;
}

export class LookupCallView implements Of<'recentCalls'> {
  /** @example k-20260302-0001 */
  callId!: string;
  /** @example d-sh-01 */
  dealerId!: string;
  /** @example ag-wang */
  agentId!: string;
  /** @example inbound */
  direction!: 'inbound' | 'outbound';
  /** @example 2026-03-02T02:00:00.000Z */
  startedAt!: string;
  /** @example 2026-03-02T02:00:12.000Z */
  answeredAt!: string;
  /** Null while the call goes on. @example 2026-03-02T02:03:12.000Z */
  endedAt!: string | null;
  /** The recording's reference at the call centre. @example rec-2026-03-02-000317 */
  recordingRef!: string | null;
}

/** One customer the key names, with what the reader may see of their records. */
export class CustomerSummaryView implements CustomerSummary {
  /** @example cu-1 */
  customerId!: string;
  /** As the role may see it; `[erased]` once forgotten; null when no visible record holds it. @example 张伟 */
  name!: string | null;
  /** Masked for some roles (docs/privacy.md). @example 13800000001 */
  phone!: string | null;
  openProspects!: LookupProspectView[];
  vehicles!: LookupVehicleView[];
  /** Complaints not closed. */
  openComplaints!: LookupComplaintView[];
  /** Null when not a member, or a member of another dealer's club for a dealer-bound reader. */
  membership!: LookupMembershipView | null;
  /** Callbacks not completed, soonest first. */
  openCallbacks!: LookupCallbackView[];
  /** Care tasks still open (callbacks, follow-ups, reminders), soonest due first, at most 10. */
  openCareTasks!: LookupCareTaskView[];
  /** Answered calls from the call centre that named this customer, latest first, at most 5 (docs/calls.md). */
  recentCalls!: LookupCallView[];
}

export class CustomerLookupView implements CustomerLookup {
  /** The key the lookup went by. @example phone */
  by!: 'phone' | 'plate' | 'vin';
  /** Empty when the key names nobody the reader may see (never a 404: a new caller is no error). */
  matches!: CustomerSummaryView[];
}
