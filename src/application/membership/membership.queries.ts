import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { currentRules } from '../../domain/membership/loyalty-rules';
import { MembershipNotFound } from '../../domain/membership/membership.errors';
import { spendableAt, spendableLots } from '../../domain/membership/membership.state';
import { TIERS, type Tier } from '../../domain/membership/membership.types';
import {
  type LoyaltyLedgerEntry,
  type LoyaltyLedgerLine,
  loyaltyLedgerProjection,
} from '../../projections/loyalty-ledger/loyalty-ledger.projection';
import {
  type LoyaltyMember,
  loyaltyMembersProjection,
} from '../../projections/loyalty-members/loyalty-members.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { CLOCK, type Clock } from '../ports/clock.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import type { Answered } from '../shared/answered';
import type { Kpi } from '../shared/kpi';
import { definedFilter, type Page } from '../shared/page';
import { LIVE_LOYALTY_RULES } from './live-loyalty-rules';

const MEMBERS = physicalCollection(loyaltyMembersProjection);
const LEDGER = physicalCollection(loyaltyLedgerProjection);
const RULES = currentRules(LIVE_LOYALTY_RULES);
const DAY_MS = 86_400_000;

export type MemberBalance = Answered<LoyaltyMember> & {
  asOf: string;
  /** Derived from the lots at `asOf`: zero once lapsed or cancelled, never counting an expired lot. */
  spendablePoints: number;
  nextExpiry: { expiresAt: string; points: number } | null;
};
export type DealerLiability = {
  dealerId: string;
  activeMembers: number;
  outstandingPoints: number;
  expiringWithin30Days: number;
  expiringWithin90Days: number;
  asOf: string;
};
export type TierDistribution = { dealerId: string; total: number } & Record<Tier, number>;
export type MemberActivity = {
  asOf: string;
  withinDays: number;
  /** Active members whose lapse falls due within `withinDays` without another paid visit. */
  atRisk: Page<
    Pick<
      LoyaltyMember,
      | 'customerId'
      | 'cardNumber'
      | 'homeDealerId'
      | 'tier'
      | 'lastPaidVisitAt'
      | 'lapseDueAt'
      | 'outstandingPoints'
    >
  >;
};

const at = (clock: Clock, asOf: string | undefined) => new Date(asOf ?? clock.now()).toISOString();

/** The lots a member may spend at `asOf` under the live rules (none while the rules say nothing is spendable). */
export const spendableLotsOf = (member: LoyaltyMember, asOf: string) =>
  spendableAt(member.state, asOf, RULES) > 0 ? spendableLots(member.state, asOf) : [];

const balanceOf = (member: LoyaltyMember, asOf: string): MemberBalance => {
  const { state: _state, ...rest } = member;
  const lots = spendableLotsOf(member, asOf);
  const soonest = lots.reduce<string | null>(
    (min, lot) => (min === null || Date.parse(lot.expiresAt) < Date.parse(min) ? lot.expiresAt : min),
    null,
  );
  return {
    ...rest,
    asOf,
    spendablePoints: lots.reduce((sum, lot) => sum + lot.remaining, 0),
    nextExpiry:
      soonest === null
        ? null
        : {
            expiresAt: soonest,
            points: lots
              .filter((lot) => lot.expiresAt === soonest)
              .reduce((sum, lot) => sum + lot.remaining, 0),
          },
  };
};

export class GetMemberBalanceQuery extends Query<MemberBalance> {
  constructor(
    readonly customerId: string,
    readonly asOf: string | undefined,
  ) {
    super();
  }
}
export class MemberLedgerQuery extends Query<Page<LoyaltyLedgerEntry>> {
  constructor(
    readonly customerId: string,
    readonly limit: number,
    readonly offset: number,
  ) {
    super();
  }
}
export class PointsLiabilityQuery extends Query<DealerLiability[]> {
  constructor(
    readonly dealerId: string | undefined,
    readonly asOf: string | undefined,
  ) {
    super();
  }
}
export class TierDistributionQuery extends Query<TierDistribution[]> {
  constructor(readonly dealerId: string | undefined) {
    super();
  }
}
export class MemberActivityQuery extends Query<MemberActivity> {
  constructor(
    readonly filter: Readonly<{ dealerId?: string; withinDays: number; asOf?: string }>,
    readonly limit: number,
    readonly offset: number,
  ) {
    super();
  }
}

@QueryHandler(GetMemberBalanceQuery)
export class GetMemberBalanceHandler implements IQueryHandler<GetMemberBalanceQuery, MemberBalance> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ customerId, asOf }: GetMemberBalanceQuery): Promise<MemberBalance> {
    const member = await this.readStore.get<LoyaltyMember>(MEMBERS, customerId);
    if (!member) throw new MembershipNotFound(customerId);
    return balanceOf(member, at(this.clock, asOf));
  }
}

@QueryHandler(MemberLedgerQuery)
export class MemberLedgerHandler implements IQueryHandler<MemberLedgerQuery, Page<LoyaltyLedgerEntry>> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ customerId, limit, offset }: MemberLedgerQuery): Promise<Page<LoyaltyLedgerEntry>> {
    if (!(await this.readStore.get(MEMBERS, customerId))) throw new MembershipNotFound(customerId);
    const where = { customerId, withdrawn: false };
    const [lines, total] = await Promise.all([
      this.readStore.find<LoyaltyLedgerLine>(LEDGER, where, {
        sort: [
          ['at', 1],
          ['sameInstantOrder', 1],
          ['position', 1],
        ],
        limit,
        skip: offset,
      }),
      this.readStore.count(LEDGER, where),
    ]);
    const items = lines.map(({ sameInstantOrder: _order, ...entry }) => entry);
    return { items, total, limit, offset };
  }
}

/** Finance's view: outstanding points are a liability of the member's home dealer. */
@QueryHandler(PointsLiabilityQuery)
export class PointsLiabilityHandler implements IQueryHandler<PointsLiabilityQuery, DealerLiability[]> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ dealerId, asOf }: PointsLiabilityQuery): Promise<DealerLiability[]> {
    const now = at(this.clock, asOf);
    const within = (days: number) => Date.parse(now) + days * DAY_MS;
    const members = await this.readStore.find<LoyaltyMember>(
      MEMBERS,
      definedFilter({ homeDealerId: dealerId, status: 'active' }),
    );
    const byDealer = new Map<string, DealerLiability>();
    for (const member of members) {
      const figures = byDealer.get(member.homeDealerId) ?? {
        dealerId: member.homeDealerId,
        activeMembers: 0,
        outstandingPoints: 0,
        expiringWithin30Days: 0,
        expiringWithin90Days: 0,
        asOf: now,
      };
      const lots = spendableAt(member.state, now, RULES) > 0 ? spendableLots(member.state, now) : [];
      const expiring = (days: number) =>
        lots
          .filter((lot) => Date.parse(lot.expiresAt) <= within(days))
          .reduce((sum, lot) => sum + lot.remaining, 0);
      byDealer.set(member.homeDealerId, {
        ...figures,
        activeMembers: figures.activeMembers + 1,
        outstandingPoints: figures.outstandingPoints + lots.reduce((sum, lot) => sum + lot.remaining, 0),
        expiringWithin30Days: figures.expiringWithin30Days + expiring(30),
        expiringWithin90Days: figures.expiringWithin90Days + expiring(90),
      });
    }
    return [...byDealer.values()].sort((a, b) => a.dealerId.localeCompare(b.dealerId));
  }
}

@QueryHandler(TierDistributionQuery)
export class TierDistributionHandler implements IQueryHandler<TierDistributionQuery, TierDistribution[]> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ dealerId }: TierDistributionQuery): Promise<TierDistribution[]> {
    const members = await this.readStore.find<LoyaltyMember>(
      MEMBERS,
      definedFilter({ homeDealerId: dealerId, status: 'active' }),
    );
    const byDealer = new Map<string, TierDistribution>();
    for (const { homeDealerId, tier } of members) {
      const row = byDealer.get(homeDealerId) ?? {
        dealerId: homeDealerId,
        total: 0,
        silver: 0,
        gold: 0,
        platinum: 0,
      };
      byDealer.set(homeDealerId, { ...row, total: row.total + 1, [tier]: row[tier] + 1 });
    }
    return [...byDealer.values()]
      .map((row) => ({ ...row, ...Object.fromEntries(TIERS.map((tier) => [tier, row[tier]])) }))
      .sort((a, b) => a.dealerId.localeCompare(b.dealerId));
  }
}

@QueryHandler(MemberActivityQuery)
export class MemberActivityHandler implements IQueryHandler<MemberActivityQuery, MemberActivity> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ filter, limit, offset }: MemberActivityQuery): Promise<MemberActivity> {
    const asOf = at(this.clock, filter.asOf);
    const horizon = new Date(Date.parse(asOf) + filter.withinDays * DAY_MS).toISOString();
    const where = {
      ...definedFilter({ homeDealerId: filter.dealerId }),
      status: 'active',
      lapseDueAt: { $lte: horizon },
    };
    const [members, total] = await Promise.all([
      this.readStore.find<LoyaltyMember>(MEMBERS, where, { sort: [['lapseDueAt', 1]], limit, skip: offset }),
      this.readStore.count(MEMBERS, where),
    ]);
    const items = members.map(
      ({ customerId, cardNumber, homeDealerId, tier, lastPaidVisitAt, lapseDueAt, outstandingPoints }) => ({
        customerId,
        cardNumber,
        homeDealerId,
        tier,
        lastPaidVisitAt,
        lapseDueAt,
        outstandingPoints,
      }),
    );
    return { asOf, withinDays: filter.withinDays, atRisk: { items, total, limit, offset } };
  }
}

/** The loyalty KPIs `crm kpi` reads. */
export const LOYALTY_KPIS: Readonly<Record<string, Kpi>> = {
  'loyalty-liability': {
    description: 'points outstanding and their liability per dealer as of --as-of',
    required: [],
    read: (store, clock, p) =>
      new PointsLiabilityHandler(store, clock).execute(new PointsLiabilityQuery(p.dealer, p.asOf)),
    projections: [loyaltyMembersProjection],
  },
  'loyalty-balance': {
    description: "one member's points balance as of --as-of (--customer)",
    required: ['customer'],
    read: (store, clock, p) =>
      new GetMemberBalanceHandler(store, clock).execute(new GetMemberBalanceQuery(p.customer!, p.asOf)),
    projections: [loyaltyMembersProjection],
  },
  'loyalty-tiers': {
    description: 'members per tier',
    required: [],
    read: (store, _clock, p) =>
      new TierDistributionHandler(store).execute(new TierDistributionQuery(p.dealer)),
    projections: [loyaltyMembersProjection],
  },
};

/** Every query handler of this file, for its Nest module: a new query is registered where it is written. */
export const MEMBERSHIP_QUERY_HANDLERS = [
  GetMemberBalanceHandler,
  MemberLedgerHandler,
  PointsLiabilityHandler,
  TierDistributionHandler,
  MemberActivityHandler,
];
