import type { FollowUpWorklist, WorklistItem } from '../../../application/sales/prospect.queries';
import type { FunnelFilters, SalesFunnel } from '../../../application/sales/sales-funnel';
import type { ProspectStatus } from '../../../domain/prospect/prospect.state';
import type {
  FinanceOption,
  FollowUpChannel,
  FollowUpOutcome,
  FunnelStage,
  LostReason,
  OpenGrade,
  ProspectChannel,
  ProspectContact,
  ProspectGrade,
} from '../../../domain/prospect/prospect.types';
import type { ProspectDetails } from '../../../projections/prospect-details/prospect-details.projection';
import { CommandReply } from '../shared/command.responses';
import { ListPageOf, PageOf } from '../shared/page.responses';

/** The answers of the prospect routes and the funnel, typed by the read models they show. */
export class ProspectContactView implements ProspectContact {
  customerId!: string;
  /** As the caller's role may see it: clear, masked or `[erased]`. */
  name!: string;
  phone!: string;
}

export class LastFollowUpView implements NonNullable<ProspectDetails['lastFollowUp']> {
  channel!: FollowUpChannel;
  outcome!: FollowUpOutcome;
  note!: string | null;
  at!: string;
}

export class TestDriveView implements NonNullable<ProspectDetails['testDrive']> {
  model!: string;
  scheduledFor!: string;
  /** Null until the test drive is completed. */
  drivenAt!: string | null;
}

export class QuoteView implements NonNullable<ProspectDetails['quote']> {
  model!: string;
  listPriceFen!: number;
  discountFen!: number;
  /** List price less discount, in fen. */
  priceFen!: number;
  financeOption!: FinanceOption;
  at!: string;
}

export class LostView implements NonNullable<ProspectDetails['lost']> {
  reason!: LostReason;
  note!: string | null;
  /** The furthest stage the prospect had reached when lost. */
  stage!: FunnelStage;
  at!: string;
}

/** `state`, the decider's own fold, is answered too but is no contract: it is left out of the schema. */
export class ProspectView implements Omit<ProspectDetails, 'state'> {
  prospectId!: string;
  dealerId!: string;
  consultantId!: string;
  channel!: ProspectChannel;
  contact!: ProspectContactView;
  modelOfInterest!: string;
  budgetFen!: number | null;
  expectedPurchaseBy!: string | null;
  campaignId!: string | null;
  registeredAt!: string;
  /** Cohort of the funnel: business month of registration. */
  cohortMonth!: string;
  registeredBy!: string;
  status!: ProspectStatus;
  grade!: ProspectGrade;
  furthestStage!: FunnelStage;
  /** Repeat enquiries merged into this file. */
  touches!: number;
  followUps!: number;
  lastFollowUp!: LastFollowUpView | null;
  lastContactAt!: string;
  scheduledContactAt!: string | null;
  /** Last contact + the grade's interval, or the scheduled contact if sooner; null once ordered or lost. */
  nextContactDue!: string | null;
  testDrive!: TestDriveView | null;
  quote!: QuoteView | null;
  /** The vehicle sale the order opened. */
  saleId!: string | null;
  lost!: LostView | null;
  reassignments!: number;
  /** Revision of the prospect's stream: the ETag of this record, for If-Match. */
  revision!: number;
  updatedAt!: string;
}

export class ProspectPage extends ListPageOf(ProspectView) {}

export class ProspectWorklistItemView implements WorklistItem {
  prospectId!: string;
  /** The consultant who owns the prospect. */
  consultantId!: string;
  grade!: OpenGrade;
  contact!: ProspectContactView;
  modelOfInterest!: string;
  lastContactAt!: string;
  scheduledContactAt!: string | null;
  nextContactDue!: string;
  /** Due before `asOf` itself; the others fall due later that business day. */
  overdue!: boolean;
}

export class ConsultantWorklistView {
  consultantId!: string;
  /** Contacts due by `dueBefore` over the whole list, not only this page. */
  due!: number;
  overdue!: number;
}

/** The contacts due, by consultant then soonest due, one page of them. */
export class FollowUpWorklistView extends PageOf(ProspectWorklistItemView) implements FollowUpWorklist {
  dealerId!: string;
  asOf!: string;
  /** The end of the business day of `asOf`: contacts due before it are listed. */
  dueBefore!: string;
  /** Each consultant with contacts due, in the list's order. */
  consultants!: ConsultantWorklistView[];
}

/** A registration, or a repeat enquiry counted on the prospect that already has this phone. */
export class RegistrationReply extends CommandReply {
  /** The existing prospect a repeat enquiry was counted on; null for a new prospect. */
  duplicateOf!: string | null;
  /**
   * The consultant who owns the prospect: for a repeat enquiry sent by a colleague, the owner it was
   * counted on (the prospect stays theirs). @example sc-li
   */
  consultantId!: string;
}

export class OrderReply extends CommandReply {
  /** The vehicle sale the order opened (`Location`). @example 5b0c7a52-8d0e-4c43-9a51-2f0a54c1e002 */
  saleId!: string;
}

export class FunnelFiltersView implements FunnelFilters {
  consultantId?: string;
  model?: string;
  channel?: string;
}

export class StageConversion {
  from!: FunnelStage;
  to!: FunnelStage;
  /** reached(to) ÷ reached(from), null when reached(from) is 0. */
  rate!: number | null;
}

export class LostProspects {
  total!: number;
  byReason!: Record<LostReason, number>;
  /** By the furthest stage reached before the loss. */
  byStage!: Record<FunnelStage, number>;
}

export class OpenPipeline implements Record<OpenGrade, number> {
  H!: number;
  A!: number;
  B!: number;
  C!: number;
  total!: number;
}

export class SalesFunnelView implements SalesFunnel {
  dealerId!: string;
  /** Cohort: month of registration (CST). */
  month!: string;
  filters!: FunnelFiltersView;
  registered!: number;
  /** Prospects whose furthest stage is this one or later (a skipped stage counts as passed). */
  reached!: Record<FunnelStage, number>;
  conversion!: StageConversion[];
  ordered!: number;
  delivered!: number;
  /** Prospects who actually drove (a skipped test drive counts in `reached`, not here). */
  testDriven!: number;
  closingRate!: number | null;
  testDriveRate!: number | null;
  /** Walk-in prospects ÷ walk-in groups; null under a consultant or model filter, or another channel. */
  recordRate!: number | null;
  walkInProspects!: number;
  walkInGroups!: number;
  lost!: LostProspects;
  openPipeline!: OpenPipeline;
  cancelledOrders!: number;
  /** Repeat enquiries merged into the cohort's files. */
  touches!: number;
}
