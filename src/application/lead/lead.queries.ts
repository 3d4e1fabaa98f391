import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { LeadNotFound } from '../../domain/lead/lead.errors';
import { CONVERSION_WINDOW_DAYS } from '../../domain/lead/lead.types';
import { LOST_REASONS, type LostReason } from '../../domain/prospect/prospect.types';
import {
  type LeadDetails,
  leadDetailsProjection,
} from '../../projections/lead-details/lead-details.projection';
import {
  type LeadHandingDoc,
  leadHandingsProjection,
} from '../../projections/lead-handings/lead-handings.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { CLOCK, type Clock } from '../ports/clock.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import { answered, type Answered } from '../shared/answered';
import type { Kpi } from '../shared/kpi';
import { definedFilter } from '../shared/page';
import { ratio4 } from '../../domain/shared/ratio';

const LEADS = physicalCollection(leadDetailsProjection);
const HANDINGS = physicalCollection(leadHandingsProjection);
const DAY_MS = 86_400_000;
const WORKLIST_LIMIT = 500;

export type LeadRecord = Answered<LeadDetails>;

export type LeadWorkItem = Pick<
  LeadDetails,
  'leadId' | 'dealerId' | 'status' | 'handing' | 'source' | 'model' | 'customer' | 'campaignId' | 'handedAt'
> & {
  /** What the dealer owes next: the acceptance, or the first contact. */
  next: 'accept' | 'contact';
  deadline: string;
  /** The deadline has passed and the sweep has not returned the lead yet. */
  overdue: boolean;
};
export type LeadWorklist = { dealerId: string; asOf: string; leads: LeadWorkItem[] };

export type LeadLostCount = { reason: LostReason; leads: number };
/** One dealer's leads handed in one CST month, each handing counted for its own dealer and month. */
export type LeadDealerMonth = {
  dealerId: string;
  month: string;
  handed: number;
  acceptedOnTime: number;
  /** acceptedOnTime ÷ handed (null when nothing was handed). */
  acceptedOnTimeRate: number | null;
  contactedOnTime: number;
  /** contactedOnTime ÷ accepted (null when none was accepted). */
  contactedOnTimeRate: number | null;
  returned: number;
  /** Handings whose prospect ordered no later than 90 days after the handing. */
  converted: number;
  /** converted ÷ handed. */
  conversionRate: number | null;
  lost: number;
  lostByReason: LeadLostCount[];
};

const ratio = ratio4;
const onOrBefore = (at: string | null, deadline: string | null): boolean =>
  at !== null && deadline !== null && Date.parse(at) <= Date.parse(deadline);

/** The figures of one dealer's handings of a month; pure, so a test can check it on a hand-made list. */
export const leadDealerMonthOf = (
  dealerId: string,
  month: string,
  handings: readonly LeadHandingDoc[],
): LeadDealerMonth => {
  const accepted = handings.filter((h) => h.acceptedAt !== null).length;
  const acceptedOnTime = handings.filter((h) => onOrBefore(h.acceptedAt, h.acceptBy)).length;
  const contactedOnTime = handings.filter((h) => onOrBefore(h.contactedAt, h.contactBy)).length;
  const converted = handings.filter(
    (h) =>
      h.orderedAt !== null &&
      Date.parse(h.orderedAt) <= Date.parse(h.handedAt) + CONVERSION_WINDOW_DAYS * DAY_MS,
  ).length;
  const lostByReason = LOST_REASONS.map((reason) => ({
    reason,
    leads: handings.filter((h) => h.lostReason === reason).length,
  })).filter((count) => count.leads > 0);
  return {
    dealerId,
    month,
    handed: handings.length,
    acceptedOnTime,
    acceptedOnTimeRate: ratio(acceptedOnTime, handings.length),
    contactedOnTime,
    contactedOnTimeRate: ratio(contactedOnTime, accepted),
    returned: handings.filter((h) => h.returned).length,
    converted,
    conversionRate: ratio(converted, handings.length),
    lost: lostByReason.reduce((sum, count) => sum + count.leads, 0),
    lostByReason,
  };
};

export class GetLeadQuery extends Query<LeadRecord> {
  constructor(readonly leadId: string) {
    super();
  }
}
export class LeadWorklistQuery extends Query<LeadWorklist> {
  constructor(readonly params: Readonly<{ dealerId: string }>) {
    super();
  }
}
export class LeadKpiQuery extends Query<LeadDealerMonth[]> {
  constructor(readonly params: Readonly<{ dealerId?: string; month: string }>) {
    super();
  }
}

@QueryHandler(GetLeadQuery)
export class GetLeadHandler implements IQueryHandler<GetLeadQuery, LeadRecord> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ leadId }: GetLeadQuery): Promise<LeadRecord> {
    const lead = await this.readStore.get<LeadDetails>(LEADS, leadId);
    if (!lead) throw new LeadNotFound(leadId);
    return answered(lead);
  }
}

/** The dealer's open leads, the soonest deadline first; computed when read, so it records no decision. */
@QueryHandler(LeadWorklistQuery)
export class LeadWorklistHandler implements IQueryHandler<LeadWorklistQuery, LeadWorklist> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ params: { dealerId } }: LeadWorklistQuery): Promise<LeadWorklist> {
    const asOf = this.clock.now().toISOString();
    const open = await this.readStore.find<LeadDetails>(
      LEADS,
      { dealerId, status: { $in: ['handed', 'accepted'] } },
      { sort: [['nextDeadline', 1]], limit: WORKLIST_LIMIT },
    );
    const leads = open.map((lead): LeadWorkItem => {
      const deadline = lead.status === 'handed' ? lead.acceptBy : (lead.contactBy ?? lead.acceptBy);
      const { leadId, status, handing, source, model, customer, campaignId, handedAt } = lead;
      return {
        leadId,
        dealerId: lead.dealerId,
        status,
        handing,
        source,
        model,
        customer,
        campaignId,
        handedAt,
        next: status === 'handed' ? 'accept' : 'contact',
        deadline,
        overdue: Date.parse(deadline) < Date.parse(asOf),
      };
    });
    return { dealerId, asOf, leads };
  }
}

@QueryHandler(LeadKpiQuery)
export class LeadKpiHandler implements IQueryHandler<LeadKpiQuery, LeadDealerMonth[]> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ params: { dealerId, month } }: LeadKpiQuery): Promise<LeadDealerMonth[]> {
    const handings = await this.readStore.find<LeadHandingDoc>(HANDINGS, definedFilter({ dealerId, month }), {
      sort: [['dealerId', 1]],
    });
    const byDealer = new Map<string, LeadHandingDoc[]>();
    for (const handing of handings)
      byDealer.set(handing.dealerId, [...(byDealer.get(handing.dealerId) ?? []), handing]);
    if (dealerId !== undefined && !byDealer.has(dealerId)) byDealer.set(dealerId, []);
    return [...byDealer]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([dealer, rows]) => leadDealerMonthOf(dealer, month, rows));
  }
}

export const LEAD_KPIS: Readonly<Record<string, Kpi>> = {
  leads: {
    description: 'OEM leads per dealer and month of handing (GET /leads/kpi)',
    required: ['month'],
    read: (store, _clock, p) =>
      new LeadKpiHandler(store).execute(new LeadKpiQuery({ dealerId: p.dealer, month: p.month! })),
    projections: [leadHandingsProjection],
  },
};

/** Every query handler of this file, for its Nest module. */
export const LEAD_QUERY_HANDLERS = [GetLeadHandler, LeadWorklistHandler, LeadKpiHandler];
