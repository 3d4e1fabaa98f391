import fc from 'fast-check';
import { type Dealers, type Fact, HOUR, iso, NOW, post } from './business-time-histories';

// Complaint histories for the business-time property (test/api/business-time.property.e2e-spec.ts).

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
