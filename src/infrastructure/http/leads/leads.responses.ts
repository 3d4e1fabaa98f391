import type {
  LeadDealerMonth,
  LeadLostCount,
  LeadRecord,
  LeadWorkItem,
  LeadWorklist,
} from '../../../application/lead/lead.queries';
import type { LeadStatus } from '../../../domain/lead/lead.state';
import type { LeadCustomer, LeadReturnReason, LeadSource } from '../../../domain/lead/lead.types';
import type { LostReason } from '../../../domain/prospect/prospect.types';
import type { LeadHistoryEntry } from '../../../projections/lead-details/lead-details.projection';
import { CommandReply } from '../shared/command.responses';

/** The answers of the lead routes, typed by the read models they show. */
export class LeadCustomerView implements LeadCustomer {
  customerId!: string;
  /** As the caller's role may see it: clear, masked or `[erased]`. */
  name!: string;
  phone!: string;
}

export class LeadHistoryEntryView implements LeadHistoryEntry {
  /** @example LeadAccepted */
  type!: LeadHistoryEntry['type'];
  /** @example 1 */
  handing!: number;
  dealerId!: string;
  /** Business time of the step; a return's is the deadline that passed. */
  at!: string;
  /** @example sc-li */
  actorId!: string;
  /** A return that a late acceptance or contact (dated in time) withdrew. */
  withdrawn!: boolean;
}

export class LeadView implements LeadRecord {
  leadId!: string;
  /** The dealer of the current (or last) handing. */
  dealerId!: string;
  /** @example accepted */
  status!: LeadStatus;
  /** 1 for the first handing, 2 after it was returned and handed again… */
  handing!: number;
  source!: LeadSource;
  model!: string;
  customer!: LeadCustomerView;
  campaignId!: string | null;
  handedAt!: string;
  /** handedAt + 24 h (inclusive). */
  acceptBy!: string;
  acceptedAt!: string | null;
  /** acceptedAt + 48 h (inclusive); null until accepted. */
  contactBy!: string | null;
  contactedAt!: string | null;
  returnedAt!: string | null;
  returnReason!: LeadReturnReason | null;
  prospectId!: string | null;
  saleId!: string | null;
  orderedAt!: string | null;
  lostReason!: LostReason | null;
  lostAt!: string | null;
  /** The running clock's deadline; null when no clock runs (contacted, returned, closed). */
  nextDeadline!: string | null;
  /** @example lead-clocks-2026-12 */
  clockPolicyVersion!: string;
  history!: LeadHistoryEntryView[];
  /** Stream revision; also the ETag. */
  revision!: number;
}

export class LeadWorkItemView implements LeadWorkItem {
  leadId!: string;
  dealerId!: string;
  status!: LeadStatus;
  handing!: number;
  source!: LeadSource;
  model!: string;
  customer!: LeadCustomerView;
  campaignId!: string | null;
  handedAt!: string;
  /** @example accept */
  next!: 'accept' | 'contact';
  deadline!: string;
  /** Past its deadline: the next sweep returns it to the OEM. */
  overdue!: boolean;
}

export class LeadWorklistView implements LeadWorklist {
  dealerId!: string;
  asOf!: string;
  leads!: LeadWorkItemView[];
}

export class LeadLostCountView implements LeadLostCount {
  /** @example price */
  reason!: LostReason;
  /** @example 2 */
  leads!: number;
}

export class LeadDealerMonthView implements LeadDealerMonth {
  dealerId!: string;
  /** @example 2026-03 */
  month!: string;
  /** Handings to this dealer in the month (CST). @example 4 */
  handed!: number;
  /** @example 3 */
  acceptedOnTime!: number;
  /** acceptedOnTime ÷ handed, 4 decimals; null when nothing was handed. @example 0.75 */
  acceptedOnTimeRate!: number | null;
  /** @example 2 */
  contactedOnTime!: number;
  /** contactedOnTime ÷ accepted; null when none was accepted. @example 0.6667 */
  contactedOnTimeRate!: number | null;
  /** Handings returned to the OEM when a clock ran out (a withdrawn return is not counted). @example 2 */
  returned!: number;
  /** Handings whose prospect ordered no later than 90 days after the handing. @example 1 */
  converted!: number;
  /** converted ÷ handed; null when nothing was handed. @example 0.25 */
  conversionRate!: number | null;
  /** @example 1 */
  lost!: number;
  lostByReason!: LeadLostCountView[];
}

export class LeadProspectReply extends CommandReply {
  /** The prospect file the lead became. */
  prospectId!: string;
  /** True when the lead joined the prospect the dealer already had with that phone. */
  merged!: boolean;
}
