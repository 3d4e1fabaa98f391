import fc from 'fast-check';
import { membershipFeature } from '../../src/application/membership/membership.feature';
import { CommandPipeline } from '../../src/application/shared/command-pipeline';
import { addBusinessMonths, DEFAULT_LOYALTY_RULES } from '../../src/domain/membership/loyalty-rules';
import type { EarnSource } from '../../src/domain/membership/membership.types';
import type { TestApp } from './test-app';

/*
 * Generated histories for the business-time property (test/api/business-time.property.e2e-spec.ts): the
 * paths integrators reach (reopened loops, manual escalations, transfers, callbacks not reached, several
 * proposals; adjustments, cancellations, short vouchers, refused redemptions) and facts dated exactly at a
 * due instant (a deadline, a lot's expiry, a lapse, a voucher's expiry), where "before" and "at" part.
 */
export const NOW = '2026-12-01T02:00:00.000Z';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const json = { 'content-type': 'application/json' };

/** The dealers of one run: each run has its own, so the per-dealer KPIs compare that run's records only. */
export type Dealers = Readonly<{ home: string; other: string }>;
/** `at`: where the fact comes in the sync, its business time (a backdated contact is dated earlier). */
export type Fact = Readonly<{ at: number; send: (api: TestApp) => Promise<string> }>;

const iso = (ms: number) => new Date(ms).toISOString();
/** The answer as the caller sees it: the status, and the problem's code when refused. */
const post = (url: string, payload: Record<string, unknown>) => async (api: TestApp) => {
  const response = await api.request({ method: 'POST', url, headers: json, payload });
  if (response.statusCode < 400) return String(response.statusCode);
  return `${response.statusCode} ${(response.json() as { code?: string }).code}`;
};

const COMPLAINT_STEPS = {
  acknowledge: () => ['acknowledge', {}],
  assign: () => ['assign', { assigneeId: 'u-sa-14' }],
  department: () => ['assign', { department: 'after-sales' }],
  transfer: (dealers: Dealers) => ['assign', { dealerId: dealers.other, reason: 'serviced there' }],
  'transfer-back': (dealers: Dealers) => ['assign', { dealerId: dealers.home, assigneeId: 'u-sa-2' }],
  propose: () => ['proposals', { remedyOffered: 'free re-repair' }],
  accept: () => ['proposals/response', { accepted: true }],
  reject: () => ['proposals/response', { accepted: false, comment: 'wants more' }],
  resolve: () => ['resolve', {}],
  callback: () => ['callback', { reached: true, satisfaction: 'satisfied' }],
  'callback-missed': () => ['callback', { reached: false, note: 'no answer' }],
  close: () => ['close', {}],
  contact: () => ['contacts', { channel: 'phone', summary: 'called the customer' }],
  note: () => ['investigation-notes', { note: 'pads were the wrong part' }],
  // Neither moves a clock, so either may be dated anywhere after filing: these are synced late.
  'contact-backdated': () => ['contacts', { channel: 'wechat', summary: 'customer sent photos' }],
  'note-backdated': () => ['investigation-notes', { note: 'found in the workshop log' }],
  // Moves the clocks: dated before the last such step it is refused, sweep or no sweep.
  'acknowledge-backdated': () => ['acknowledge', { note: 'synced from the dealer system' }],
  escalate: () => ['escalate', { reason: 'customer called again' }],
  'escalate-top': () => ['escalate', { reason: 'media enquiry', to: 'L3' }],
  reopen: () => ['reopen', { reason: 'noise is back' }],
} satisfies Record<string, (dealers: Dealers) => readonly [string, Record<string, unknown>]>;
type Step = keyof typeof COMPLAINT_STEPS;
const ALL_STEPS = Object.keys(COMPLAINT_STEPS) as Step[];
const HAPPY: readonly Step[] = ['acknowledge', 'propose', 'accept', 'resolve', 'callback', 'close'];
/** Two loops: a rejected proposal, a callback not reached, then reopened after closing and resolved again. */
const TWO_LOOPS: readonly Step[] = [
  'acknowledge',
  'propose',
  'reject',
  'propose',
  'accept',
  'resolve',
  'callback-missed',
  'callback',
  'close',
  'reopen',
  'propose',
  'accept',
  'resolve',
  'callback',
  'close',
];

/** Escalated by hand before the clock would, then on to the end: the clock may escalate it again. */
const ESCALATED: readonly Step[] = [
  'acknowledge',
  'escalate',
  'acknowledge',
  'propose',
  'accept',
  'resolve',
  'callback',
  'close',
];

/** A loop cut short anywhere, with detours slipped in at random places. */
const withDetours = (template: readonly Step[]) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: template.length }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ALL_STEPS)), { maxLength: 3 }),
    )
    .map(([cut, detours]) => {
      const steps = template.slice(0, cut);
      for (const [where, step] of detours) steps.splice(where % (steps.length + 1), 0, step);
      return steps;
    });

/** A complaint filed Sep–Nov 2026. Gaps are whole hours, as deadlines are, so a step often falls on one. */
export const complaintHistory = fc.record({
  severity: fc.constantFrom('minor', 'general', 'major'),
  level: fc.constantFrom('L1', 'L1', 'L1', 'L2', 'L3'),
  filedAfterHours: fc.integer({ min: 0, max: 80 * 24 }),
  steps: fc.oneof(
    withDetours(HAPPY),
    withDetours(TWO_LOOPS),
    withDetours(ESCALATED),
    fc.array(fc.constantFrom(...ALL_STEPS), { maxLength: 10 }),
  ),
  gapsHours: fc.array(
    fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 12 }) },
      { weight: 2, arbitrary: fc.constantFrom(4, 8, 24, 48, 72, 120) },
      { weight: 2, arbitrary: fc.integer({ min: 13, max: 60 }) },
      { weight: 1, arbitrary: fc.integer({ min: 100, max: 400 }) },
    ),
    { minLength: 16, maxLength: 16 },
  ),
});
export type ComplaintHistory = typeof complaintHistory extends fc.Arbitrary<infer T> ? T : never;

export const complaintFacts = (id: string, dealers: Dealers, history: ComplaintHistory): Fact[] => {
  const filedAt = Date.parse('2026-09-01T01:00:00.000Z') + history.filedAfterHours * HOUR;
  const facts: Fact[] = [
    {
      at: filedAt,
      send: post('/complaints', {
        complaintId: id,
        dealerId: dealers.home,
        channel: 'hotline',
        category: 'service',
        severity: history.severity,
        level: history.level,
        customer: { customerId: `cu-${id}`, name: 'Wang Fang', phone: '13812345678' },
        description: 'brake noise',
        remedySought: 'free re-repair',
        occurredAt: iso(filedAt),
      }),
    },
  ];
  let at = filedAt;
  history.steps.forEach((step, index) => {
    at += (history.gapsHours[index % history.gapsHours.length] ?? 1) * HOUR;
    if (at > Date.parse(NOW)) return;
    const [path, body] = COMPLAINT_STEPS[step](dealers);
    const occurredAt = step.endsWith('-backdated') ? filedAt + Math.floor((at - filedAt) / 2) : at;
    facts.push({ at, send: post(`/complaints/${id}/${path}`, { ...body, occurredAt: iso(occurredAt) }) });
  });
  return facts;
};

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
