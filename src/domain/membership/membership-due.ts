import type { LoyaltyRuleSet } from './loyalty-rules';
import type { MembershipLapsed, PointsExpired, VoucherExpired } from './membership.events';
import { type EnrolledMembership, lapseDueAt } from './membership.state';
import type { LotDraw } from './membership.types';

const ms = (iso: string): number => Date.parse(iso);
const byExpiry = <T extends { expiresAt: string }>(a: T, b: T) => ms(a.expiresAt) - ms(b.expiresAt);

export type DueEvent = PointsExpired | VoucherExpired | MembershipLapsed;

/**
 * Everything that fell due by `now`, in the order it took effect: lots expiring before the lapse expire,
 * then the lapse forfeits what is left; vouchers expire at their own dates, in between. Each event carries the date it took effect, not the time the sweep
 * noticed it, so the figures are the same whenever the sweep runs (and the simulation can count them).
 */
export const dueEvents = (state: EnrolledMembership, now: string, rules: LoyaltyRuleSet): DueEvent[] => {
  const home = { customerId: state.customerId, homeDealerId: state.homeDealerId };
  const events: DueEvent[] = [];
  if (state.status === 'active') {
    const lapse = lapseDueAt(state, rules);
    const lapsing = ms(lapse) <= ms(now);
    const horizon = lapsing ? lapse : now;
    const live = state.lots.filter((lot) => lot.remaining > 0);
    const expiring = live.filter((lot) => ms(lot.expiresAt) <= ms(horizon)).sort(byExpiry);
    for (const lot of expiring) {
      events.push({
        type: 'PointsExpired',
        data: { ...home, lotId: lot.lotId, amount: lot.remaining, expiresAt: lot.expiresAt },
      });
    }
    if (lapsing) {
      const forfeited: LotDraw[] = live
        .filter((lot) => !expiring.includes(lot))
        .sort(byExpiry)
        .map((lot) => ({ lotId: lot.lotId, amount: lot.remaining, expiresAt: lot.expiresAt }));
      events.push({
        type: 'MembershipLapsed',
        data: {
          ...home,
          lastPaidVisitAt: state.lastPaidVisitAt,
          lapsedAt: lapse,
          forfeited,
          forfeitedPoints: forfeited.reduce((sum, draw) => sum + draw.amount, 0),
        },
      });
    }
  }
  const vouchers = state.vouchers.filter((v) => v.status === 'issued' && ms(v.expiresAt) <= ms(now));
  const expiredVouchers: DueEvent[] = [];
  for (const voucher of [...vouchers].sort(byExpiry)) {
    expiredVouchers.push({
      type: 'VoucherExpired',
      data: {
        ...home,
        voucherCode: voucher.voucherCode,
        valueFen: voucher.valueFen,
        expiresAt: voucher.expiresAt,
      },
    });
  }
  // In the order they took effect, so the membership remembers its decisions in time order (a late fact
  // withdraws a suffix of them); at one instant, lots and the lapse before vouchers.
  return [...events, ...expiredVouchers]
    .map((event, index) => ({ event, index }))
    .sort((a, b) => ms(takesEffect(a.event)) - ms(takesEffect(b.event)) || a.index - b.index)
    .map(({ event }) => event);
};

const takesEffect = (event: DueEvent): string =>
  event.type === 'MembershipLapsed' ? event.data.lapsedAt : event.data.expiresAt;
