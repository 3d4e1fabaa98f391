import fc from 'fast-check';
import { membershipFeature } from '../../src/application/membership/membership.feature';
import { CommandPipeline } from '../../src/application/shared/command-pipeline';
import { addBusinessMonths, DEFAULT_LOYALTY_RULES } from '../../src/domain/membership/loyalty-rules';
import type { EarnSource } from '../../src/domain/membership/membership.types';
import { DAY, type Dealers, type Fact, HOUR, iso, NOW, post } from './business-time-histories';
import type { TestApp } from './test-app';

// Club member histories for the business-time property (test/api/business-time.property.e2e-spec.ts).

const MEMBER_KINDS = [
  'visit',
  'redeem',
  'redeem-too-much',
  'voucher',
  'short-voucher',
  'use-voucher',
  'credit',
  'debit',
  'visit-backdated',
  'big-visit',
  'purchase',
  'cancel',
] as const;
type MemberKind = (typeof MEMBER_KINDS)[number];
/** When a fact falls: some days after the last one, or exactly when something falls due. */
type Anchor = 'days' | 'lapse' | 'lot-expiry' | 'voucher-expiry';

/** One fact of a member's history. */
const memberEvent = fc.record({
  kind: fc.oneof(
    { weight: 6, arbitrary: fc.constant<MemberKind>('visit') },
    { weight: 8, arbitrary: fc.constantFrom<MemberKind>(...MEMBER_KINDS.slice(1, -1)) },
    { weight: 2, arbitrary: fc.constant<MemberKind>('use-voucher') },
    { weight: 1, arbitrary: fc.constant<MemberKind>('cancel') },
  ),
  anchor: fc.oneof(
    { weight: 6, arbitrary: fc.constant<Anchor>('days') },
    { weight: 1, arbitrary: fc.constantFrom<Anchor>('lapse', 'lot-expiry', 'voucher-expiry') },
  ),
  afterDays: fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: 0, max: 200 }) },
    { weight: 1, arbitrary: fc.integer({ min: 540, max: 600 }) },
  ),
  size: fc.integer({ min: 1, max: 30 }),
});
const firstVisit = memberEvent.map((event) => ({
  ...event,
  kind: 'visit' as MemberKind,
  anchor: 'days' as Anchor,
}));
/** A member enrolled in 2024–2025, over 2 to 30 months, with gaps long enough to lapse; most visit first. */
export const memberHistory = fc.record({
  enrolAfterDays: fc.integer({ min: 0, max: 540 }),
  events: fc.oneof(
    fc.tuple(firstVisit, fc.array(memberEvent, { maxLength: 9 })).map(([visit, rest]) => [visit, ...rest]),
    fc.array(memberEvent, { maxLength: 10 }),
  ),
});
export type MemberHistory = typeof memberHistory extends fc.Arbitrary<infer T> ? T : never;

const RULES = DEFAULT_LOYALTY_RULES;
const monthsAfter = (at: number, months: number) => Date.parse(addBusinessMonths(iso(at), months));

/** Points earned through the pipeline, as the earning reactor earns them: the answer is the domain's. */
const earning =
  (id: string, source: EarnSource, dealerId: string, spendFen: number | undefined, now: string) =>
  async (api: TestApp) => {
    const command = { type: 'EarnPoints' as const, data: { customerId: id, source, dealerId, spendFen } };
    const actor = { userId: 'system:loyalty-earning', role: 'system', dealerId: null };
    try {
      await api.app.get(CommandPipeline).execute(membershipFeature, command, {
        now,
        correlationId: `c-${source.id}`,
        causationId: null,
        actor,
      });
      return '200';
    } catch (error) {
      const { code } = error as { code?: string };
      return code === undefined ? `500 ${String(error)}` : `422 ${code}`;
    }
  };

/** A settled paid repair order of the member's. */
export const paidVisit = (id: string, index: number, dealerId: string, spendFen: number, now: string) =>
  earning(id, { kind: 'repair-order', id: `ro-${id}-${index}` }, dealerId, spendFen, now);

export const memberFacts = (id: string, dealers: Dealers, history: MemberHistory): Fact[] => {
  const enrolAt = Date.parse('2024-01-01T02:00:00.000Z') + history.enrolAfterDays * DAY;
  const facts: Fact[] = [
    {
      at: enrolAt,
      send: post('/memberships', {
        customerId: id,
        cardNumber: `C-${id}`,
        homeDealerId: dealers.home,
        occurredAt: iso(enrolAt),
      }),
    },
  ];
  let at = enrolAt;
  // What the generator knows of the member's due dates, to place a fact exactly on one (whether the
  // fact that set it was accepted or not: an instant near a due date is as good a case).
  let lapseFrom = enrolAt;
  const lotExpiries: number[] = [];
  let voucher: { code: string; expiresAt: number } | null = null;
  const member = `/memberships/${id}`;
  history.events.forEach((event, index) => {
    const due =
      event.anchor === 'lapse'
        ? monthsAfter(lapseFrom, RULES.lapseMonths)
        : event.anchor === 'lot-expiry'
          ? lotExpiries.find((expiry) => expiry >= at)
          : event.anchor === 'voucher-expiry'
            ? voucher?.expiresAt
            : undefined;
    at = due !== undefined && due >= at ? due : at + event.afterDays * DAY;
    if (at > Date.parse(NOW)) return;
    const now = iso(at);
    const points = event.size * 10;
    switch (event.kind) {
      case 'visit':
        lapseFrom = at;
        lotExpiries.push(monthsAfter(at, RULES.lotExpiryMonths));
        facts.push({ at, send: paidVisit(id, index, dealers.home, event.size * 10_000, now) });
        return;
      case 'big-visit':
        // 8,000 RMB: 8,000 points at silver, so two of them reach gold (10,000 lifetime) and its rate.
        lapseFrom = at;
        lotExpiries.push(monthsAfter(at, RULES.lotExpiryMonths));
        facts.push({ at, send: paidVisit(id, index, dealers.home, 800_000, now) });
        return;
      case 'purchase':
        // The purchase bonus earns a lot but, not being a paid visit, leaves the lapse clock running.
        lotExpiries.push(monthsAfter(at, RULES.lotExpiryMonths));
        facts.push({
          at,
          send: earning(id, { kind: 'vehicle-sale', id: `vs-${id}-${index}` }, dealers.home, undefined, now),
        });
        return;
      case 'visit-backdated': {
        // Dated halfway back to enrolment: before the member's last fact, unless there was none.
        const dated = iso(enrolAt + Math.floor((at - enrolAt) / 2));
        facts.push({ at, send: paidVisit(id, index, dealers.home, event.size * 10_000, dated) });
        return;
      }
      case 'redeem':
      case 'redeem-too-much':
        facts.push({
          at,
          send: post(`${member}/redemptions`, {
            redemptionId: `r-${index}`,
            points: event.kind === 'redeem' ? points : points * 1_000,
            gift: 'umbrella',
            occurredAt: now,
          }),
        });
        return;
      case 'voucher':
      case 'short-voucher': {
        const expiresAt =
          event.kind === 'voucher'
            ? monthsAfter(at, RULES.voucherValidityMonths)
            : at + event.size * HOUR * 12;
        voucher = { code: `v-${id}-${index}`, expiresAt };
        facts.push({
          at,
          send: post(`${member}/vouchers`, {
            voucherCode: voucher.code,
            points,
            valueFen: 5_000,
            ...(event.kind === 'short-voucher' ? { expiresAt: iso(expiresAt) } : {}),
            occurredAt: now,
          }),
        });
        return;
      }
      case 'use-voucher':
        if (voucher)
          facts.push({
            at,
            send: post(`${member}/vouchers/${voucher.code}/redeem`, {
              repairOrderId: `ro-v-${index}`,
              dealerId: dealers.home,
              occurredAt: now,
            }),
          });
        return;
      case 'credit':
      case 'debit':
        if (event.kind === 'credit') lotExpiries.push(monthsAfter(at, RULES.lotExpiryMonths));
        facts.push({
          at,
          send: post(`${member}/adjustments`, {
            adjustmentId: `adj-${index}`,
            delta: event.kind === 'credit' ? points : -points,
            reason: 'goodwill',
            occurredAt: now,
          }),
        });
        return;
      case 'cancel':
        facts.push({ at, send: post(`${member}/cancel`, { reason: 'sold the car', occurredAt: now }) });
        return;
      default: {
        const unreachable: never = event.kind;
        return unreachable;
      }
    }
  });
  return facts;
};
