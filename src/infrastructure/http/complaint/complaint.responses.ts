import type { ComplaintChannelMonthly } from '../../../projections/complaint-channel-monthly/complaint-channel-monthly.projection';
import type { ComplaintCompliance } from '../../../application/complaint/complaint-compliance';
import type { ClockStatus } from '../../../application/complaint/complaint.queries';
import type {
  ClockOutcome,
  ComplaintTrail,
  TrailClock,
  TrailEntry,
  TrailStage,
} from '../../../application/complaint/complaint-trail';
import type {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintClock,
  ComplaintLevel,
  ComplaintSeverity,
  ComplaintStage,
  RunningClock,
  Satisfaction,
} from '../../../domain/complaint/complaint.types';
import type {
  ComplaintBreach,
  ComplaintDetails,
} from '../../../projections/complaint-details/complaint-details.projection';
import type { ComplaintSlaMonthly } from '../../../projections/complaint-sla-monthly/complaint-sla-monthly.projection';
import { StoredEventView } from '../shared/event.responses';
import { ListPageOf, PageOf } from '../shared/page.responses';

/** The answers of the complaint routes, typed by the read models they show: `implements` keeps them in step. */
export class ComplaintCustomerView {
  customerId!: string;
  /** As the caller's role may see it: clear, masked or `[erased]`. */
  name!: string;
  phone!: string;
}

export class RunningClockView implements RunningClock {
  clock!: ComplaintClock;
  startedAt!: string;
  dueBy!: string;
  level!: ComplaintLevel;
  missed!: boolean;
}

export class StepOnTime {
  at!: string;
  onTime!: boolean;
}

export class ComplaintBreachView implements ComplaintBreach {
  clock!: ComplaintClock;
  dueBy!: string;
  level!: ComplaintLevel;
}

export class ComplaintView implements Omit<ComplaintDetails, 'state'> {
  complaintId!: string;
  dealerId!: string;
  status!: ComplaintStage;
  channel!: ComplaintChannel;
  category!: ComplaintCategory;
  severity!: ComplaintSeverity;
  level!: ComplaintLevel;
  customer!: ComplaintCustomerView;
  relatedSaleId!: string | null;
  relatedRepairOrderId!: string | null;
  description!: string;
  remedySought!: string;
  remedyOffered!: string | null;
  filedAt!: string;
  /** Business month of filing (China Standard Time): the cohort of the compliance figures. */
  filedMonth!: string;
  filedBy!: string;
  slaPolicyVersion!: string;
  department!: string | null;
  assigneeId!: string | null;
  /** Deadlines running now, as computed when each clock started. */
  clocks!: RunningClockView[];
  /** Soonest deadline of the running clocks, missed ones included. */
  nextDeadline!: string | null;
  /** Soonest deadline not yet recorded as missed. */
  nextUnmissedDeadline!: string | null;
  firstAcknowledgement!: StepOnTime | null;
  firstResolution!: StepOnTime | null;
  closedAt!: string | null;
  /** The first closing; a reopening leaves it. */
  firstClosedAt!: string | null;
  /** Closed within 14 days of filing (the first closing counts). */
  closedWithinTwoWeeks!: boolean | null;
  satisfaction!: Satisfaction | null;
  breaches!: ComplaintBreachView[];
  escalations!: number;
  contacts!: number;
  reopenings!: number;
  /** Revision of the complaint's stream: the ETag of this record, for If-Match. */
  revision!: number;
  updatedAt!: string;
}

export class WorklistItemView extends ComplaintView {
  /** due-soon: a deadline within 4 hours. */
  clockStatus!: ClockStatus;
}

export class ComplaintPage extends ListPageOf(ComplaintView) {}
export class WorklistPage extends PageOf(WorklistItemView) {}

export class ComplianceView implements Omit<ComplaintCompliance, 'breachesByLevel' | 'breachesByCategory'> {
  dealerId!: string;
  /** Cohort: month the complaints were filed (China Standard Time). */
  month!: string;
  filed!: number;
  /** First acknowledgements made by `asOf`. */
  acknowledged!: number;
  acknowledgedOnTime!: number;
  /** Complaints acknowledged by `asOf`, or whose first acknowledgement deadline passed by then without one. */
  acknowledgementsDue!: number;
  /** acknowledgedOnTime ÷ acknowledgementsDue: an acknowledgement never made past its deadline counts as late. */
  acknowledgedOnTimeRate!: number | null;
  /** First resolutions made by `asOf`. */
  resolved!: number;
  resolvedOnTime!: number;
  /** Complaints resolved by `asOf`, or whose first resolution deadline passed by then without a resolution. */
  resolutionsDue!: number;
  /** resolvedOnTime ÷ resolutionsDue: a resolution never made past its deadline counts as late. */
  resolvedOnTimeRate!: number | null;
  closedWithinTwoWeeks!: number;
  /** closedWithinTwoWeeks ÷ filed. */
  twoWeekClosureRate!: number | null;
  breaches!: number;
  /** Missed deadlines by the level they were missed at (L1, L2, L3). */
  breachesByLevel!: Record<ComplaintLevel, number>;
  /** Missed deadlines by category (product, service, staff). */
  breachesByCategory!: Record<ComplaintCategory, number>;
}

export class ComplaintSlaMonthlyView implements Omit<ComplaintSlaMonthly, 'filedByLevel'> {
  dealerId!: string;
  /** Business month (China Standard Time), YYYY-MM. */
  month!: string;
  filed!: number;
  /** Filings by level (L1, L2, L3). */
  filedByLevel!: Record<ComplaintLevel, number>;
  acknowledged!: number;
  acknowledgedOnTime!: number;
  /** acknowledgedOnTime ÷ acknowledged, or null when nothing was acknowledged that month. */
  acknowledgedOnTimeRate!: number | null;
}

export class TrailActor {
  userId!: string;
  role!: string;
  dealerId!: string | null;
}

export class TrailClockView implements TrailClock {
  clock!: ComplaintClock;
  level!: ComplaintLevel;
  startedAt!: string;
  dueBy!: string;
  stoppedAt!: string | null;
  stoppedBy!: string | null;
  outcome!: ClockOutcome;
}

export class StageClock {
  clock!: ComplaintClock;
  level!: ComplaintLevel;
  dueBy!: string;
  outcome!: ClockOutcome;
}

export class TrailStageView implements TrailStage {
  stage!: ComplaintStage;
  enteredAt!: string;
  leftAt!: string | null;
  /** Until the next stage, or until `asOf` for the stage the complaint is in. */
  minutesInStage!: number;
  enteredBy!: TrailActor;
  /** The event that moved the complaint into this stage. */
  event!: string;
  revision!: number;
  reason!: string | null;
  /** The deadlines that ran during the stage, and whether each held. */
  clocks!: StageClock[];
}

export class TrailEntryView implements TrailEntry {
  revision!: number;
  globalPosition!: number;
  eventId!: string;
  type!: string;
  at!: string;
  recordedAt!: string;
  actor!: TrailActor;
  stage!: ComplaintStage;
  level!: ComplaintLevel;
  reason!: string | null;
  correlationId!: string;
  causationId!: string | null;
  /** The event's link in its stream's hash chain. */
  hash!: string | null;
  /** An automatic decision that a late fact withdrew: listed here, left out of stages, clocks and level changes. */
  withdrawn!: boolean;
}

export class RemedyOffered {
  remedy!: string;
  proposedAt!: string;
  response!: 'pending' | 'accepted' | 'rejected';
}

export class LevelChange {
  from!: ComplaintLevel;
  to!: ComplaintLevel;
  reason!: string;
  /** True when the deadline watcher escalated it. */
  automatic!: boolean;
  at!: string;
  actor!: TrailActor;
}

export class TrailContact {
  channel!: string;
  summary!: string;
  at!: string;
  actor!: TrailActor;
}

export class ComplaintTrailView implements ComplaintTrail {
  complaintId!: string;
  /** Time in the current stage is counted up to here. */
  asOf!: string;
  dealerId!: string;
  status!: ComplaintStage;
  level!: ComplaintLevel;
  remedySought!: string;
  remediesOffered!: RemedyOffered[];
  stages!: TrailStageView[];
  clocks!: TrailClockView[];
  levelChanges!: LevelChange[];
  contacts!: TrailContact[];
  /** One line per event: stage and level after it, actor, reason, correlation, hash. */
  entries!: TrailEntryView[];
  /** The raw events with their metadata. */
  events!: StoredEventView[];
}

export class ComplaintChannelMonthView implements ComplaintChannelMonthly {
  dealerId!: string;
  /** Business month of filing (China Standard Time), YYYY-MM. */
  month!: string;
  /** Where the complaint came in. */
  channel!: ComplaintChannel;
  /** Complaints filed with the dealer in the month through the channel. */
  filed!: number;
}
