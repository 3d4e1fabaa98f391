import fc from 'fast-check';
import { membershipFeature } from '../../src/application/membership/membership.feature';
import type { StoredEvent } from '../../src/application/ports/event-store.port';
import { complaintDetailsProjection } from '../../src/projections/complaint-details/complaint-details.projection';
import { loyaltyLedgerProjection } from '../../src/projections/loyalty-ledger/loyalty-ledger.projection';
import { loyaltyMembersProjection } from '../../src/projections/loyalty-members/loyalty-members.projection';
import type { AnyProjection } from '../../src/projections/shared/projection';
import { CommandPipeline } from '../../src/application/shared/command-pipeline';
import { ClockWatcherRunner } from '../../src/infrastructure/watchers/clock-watcher-runner';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

/*
 * Issue 13's invariant, as a property: a history sent once in business-time order with no sweep until the
 * end, and once in batches with the clock watchers sweeping between them (as an integrator syncing late
 * meets the sweeps), ends in the same records and read models, and every command gets the same answer.
 * The wall clock stands at NOW throughout; every fact is dated in the past.
 */
const NOW = '2026-12-01T02:00:00.000Z';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const json = { 'content-type': 'application/json' };

type Fact = Readonly<{ at: number; send: (api: TestApp) => Promise<number> }>;

const iso = (ms: number) => new Date(ms).toISOString();
const post = (url: string, payload: Record<string, unknown>) => async (api: TestApp) =>
  (await api.request({ method: 'POST', url, headers: json, payload })).statusCode;

const COMPLAINT_STEPS = {
  acknowledge: ['acknowledge', {}],
  propose: ['proposals', { remedyOffered: 'free re-repair' }],
  accept: ['proposals/response', { accepted: true }],
  reject: ['proposals/response', { accepted: false, comment: 'wants more' }],
  resolve: ['resolve', {}],
  callback: ['callback', { reached: true, satisfaction: 'satisfied' }],
  close: ['close', {}],
  contact: ['contacts', { channel: 'phone', summary: 'called the customer' }],
  escalate: ['escalate', { reason: 'customer called again' }],
  reopen: ['reopen', { reason: 'noise is back' }],
} as const;
type Step = keyof typeof COMPLAINT_STEPS;
const HAPPY: readonly Step[] = ['acknowledge', 'propose', 'accept', 'resolve', 'callback', 'close'];

/** A complaint filed Sep–Nov 2026: the closed loop cut short anywhere, with acknowledgements and detours mixed in. */
const complaintHistory = fc.record({
  severity: fc.constantFrom('minor', 'general', 'major'),
  level: fc.constantFrom('L1', 'L1', 'L2', 'L3'),
  filedAfterHours: fc.integer({ min: 0, max: 80 * 24 }),
  steps: fc.oneof(
    fc
      .tuple(
        fc.integer({ min: 0, max: HAPPY.length }),
        fc.array(fc.constantFrom<Step>('acknowledge', 'contact'), { maxLength: 3 }),
      )
      .map(([cut, extra]) => [...extra, ...HAPPY.slice(0, cut)]),
    fc.array(fc.constantFrom(...(Object.keys(COMPLAINT_STEPS) as Step[])), { maxLength: 8 }),
  ),
  gapsHours: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 12, maxLength: 12 }),
});

/** A member enrolled in 2024–2025 with paid visits, redemptions and vouchers over 2 to 30 months. */
const memberHistory = fc.record({
  enrolAfterDays: fc.integer({ min: 0, max: 540 }),
  events: fc.array(
    fc.record({
      kind: fc.constantFrom('visit', 'visit', 'redeem', 'voucher', 'use-voucher'),
      afterDays: fc.integer({ min: 1, max: 600 }),
      size: fc.integer({ min: 1, max: 30 }),
    }),
    { maxLength: 7 },
  ),
});

const complaintFacts = (
  id: string,
  history: typeof complaintHistory extends fc.Arbitrary<infer T> ? T : never,
): Fact[] => {
  const filedAt = Date.parse('2026-09-01T01:00:00.000Z') + history.filedAfterHours * HOUR;
  const facts: Fact[] = [
    {
      at: filedAt,
      send: post('/complaints', {
        complaintId: id,
        dealerId: 'd-1',
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
    const [path, body] = COMPLAINT_STEPS[step];
    facts.push({ at, send: post(`/complaints/${id}/${path}`, { ...body, occurredAt: iso(at) }) });
  });
  return facts;
};

const memberFacts = (
  id: string,
  history: typeof memberHistory extends fc.Arbitrary<infer T> ? T : never,
): Fact[] => {
  const enrolAt = Date.parse('2024-01-01T02:00:00.000Z') + history.enrolAfterDays * DAY;
  const facts: Fact[] = [
    {
      at: enrolAt,
      send: post('/memberships', {
        customerId: id,
        cardNumber: `C-${id}`,
        homeDealerId: 'd-1',
        occurredAt: iso(enrolAt),
      }),
    },
  ];
  let at = enrolAt;
  let voucher: string | null = null;
  history.events.forEach((event, index) => {
    at += event.afterDays * DAY;
    if (at > Date.parse(NOW)) return;
    const now = iso(at);
    if (event.kind === 'visit')
      facts.push({
        at,
        send: async (api) => {
          const pipeline = api.app.get(CommandPipeline);
          const command = {
            type: 'EarnPoints' as const,
            data: {
              customerId: id,
              source: { kind: 'repair-order' as const, id: `ro-${id}-${index}` },
              dealerId: 'd-1',
              spendFen: event.size * 10_000,
            },
          };
          const actor = { userId: 'system:loyalty-earning', role: 'system', dealerId: null };
          try {
            await pipeline.execute(membershipFeature, command, {
              now,
              correlationId: `c-${id}-${index}`,
              causationId: null,
              actor,
            });
            return 200;
          } catch (error) {
            return (error as { code?: string }).code === undefined ? 500 : 422;
          }
        },
      });
    if (event.kind === 'redeem')
      facts.push({
        at,
        send: post(`/memberships/${id}/redemptions`, {
          redemptionId: `r-${index}`,
          points: event.size * 10,
          gift: 'umbrella',
          occurredAt: now,
        }),
      });
    if (event.kind === 'voucher') {
      voucher = `v-${id}-${index}`;
      facts.push({
        at,
        send: post(`/memberships/${id}/vouchers`, {
          voucherCode: voucher,
          points: event.size * 10,
          valueFen: 5_000,
          occurredAt: now,
        }),
      });
    }
    if (event.kind === 'use-voucher' && voucher)
      facts.push({
        at,
        send: post(`/memberships/${id}/vouchers/${voucher}/redeem`, {
          repairOrderId: `ro-v-${index}`,
          dealerId: 'd-1',
          occurredAt: now,
        }),
      });
  });
  return facts;
};

const sweep = async (api: TestApp) => {
  await api.settle();
  const runner = api.app.get(ClockWatcherRunner);
  await runner.sweep('complaint deadline');
  await runner.sweep('loyalty expiry');
  await api.settle();
};

/** What the users see of the records, less what says when it was written (revision, ETag, write time). */
const WRITE_TIME = new Set([
  'revision',
  'updatedAt',
  'position',
  'entryId',
  'globalPosition',
  'recordedAt',
  'eventId',
  'correlationId',
  'causationId',
  'hash',
  'events',
  'entries',
]);
const business = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(business)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([key]) => !WRITE_TIME.has(key))
            .map(([key, v]) => [key, business(v)]),
        )
      : value;

const observe = async (api: TestApp, complaints: readonly string[], members: readonly string[]) => {
  const get = async (url: string) => {
    const response = await api.request({ method: 'GET', url });
    return { status: response.statusCode, body: business(response.json()) };
  };
  const seen: Record<string, unknown> = {};
  for (const id of complaints) {
    seen[`complaint ${id}`] = await get(`/complaints/${id}`);
    seen[`trail ${id}`] = await get(`/complaints/${id}/trail?asOf=${NOW}`);
  }
  for (const id of members) {
    seen[`member ${id}`] = await get(`/memberships/${id}`);
    seen[`ledger ${id}`] = await get(`/memberships/${id}/ledger?limit=200`);
  }
  return seen;
};

/**
 * What `crm replay --as-of` builds: the projections folded over the events dated up to `cutoff` (an
 * automatic decision is stored at the time it fell due), here for the given records only. Personal data is
 * left out: it is encrypted, with another key in each app.
 */
const REPLAYED: readonly AnyProjection[] = [
  complaintDetailsProjection,
  loyaltyMembersProjection,
  loyaltyLedgerProjection,
];
const replayAsOf = async (api: TestApp, cutoff: number, records: ReadonlySet<string>) => {
  const events: StoredEvent[] = [];
  for (let after = 0; ;) {
    const page = await api.eventStore.readAll({ after, limit: 1000 });
    if (page.length === 0) break;
    events.push(...page);
    after = page[page.length - 1]!.globalPosition;
  }
  const docs: Record<string, string[]> = {};
  for (const projection of REPLAYED) {
    const byId = new Map<string, unknown>();
    for (const event of events) {
      const record = event.streamId.slice(event.streamId.indexOf('-') + 1);
      if (!records.has(record) || Date.parse(event.occurredAt) > cutoff) continue;
      if (!projection.handles.includes(event.type)) continue;
      for (const id of projection.documentIds(event as never))
        byId.set(id, projection.apply((byId.get(id) ?? null) as never, event as never, id));
    }
    const lines = [...byId.values()]
      .map((doc) => business({ ...(doc as object), customer: undefined }))
      .filter((doc) => (doc as { withdrawn?: boolean }).withdrawn !== true);
    docs[projection.name] = lines.map((doc) => JSON.stringify(doc)).sort();
  }
  return docs;
};

describe('business time decides, not arrival (property, issue 13 §1)', () => {
  const clock = testClock(NOW);
  let inOrder: TestApp;
  let late: TestApp;
  let run = 0;

  beforeAll(async () => {
    [inOrder, late] = await Promise.all([startTestApp({ clock }), startTestApp({ clock })]);
  });
  afterAll(async () => {
    await Promise.all([inOrder.close(), late.close()]);
  });

  it('gives the same records, read models and answers whether or not sweeps ran between late batches', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(complaintHistory, { minLength: 1, maxLength: 3 }),
        fc.array(memberHistory, { minLength: 1, maxLength: 2 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        fc.integer({ min: Date.parse('2024-06-01T00:00:00.000Z'), max: Date.parse(NOW) }),
        async (complaintHistories, memberHistories, sweepAfter, cutoff) => {
          run += 1;
          const complaints = complaintHistories.map((_, i) => `c-${run}-${i}`);
          const members = memberHistories.map((_, i) => `m-${run}-${i}`);
          // Each record's facts in business-time order; records interleaved by time, as a sync sends them.
          const facts = [
            ...complaintHistories.flatMap((history, i) => complaintFacts(complaints[i]!, history)),
            ...memberHistories.flatMap((history, i) => memberFacts(members[i]!, history)),
          ].sort((a, b) => a.at - b.at);

          const answersInOrder: number[] = [];
          for (const fact of facts) answersInOrder.push(await fact.send(inOrder));
          await sweep(inOrder);

          const answersLate: number[] = [];
          for (const [index, fact] of facts.entries()) {
            if (sweepAfter[index % sweepAfter.length]) await sweep(late);
            answersLate.push(await fact.send(late));
          }
          await sweep(late);

          expect(answersLate).toEqual(answersInOrder);
          expect(await observe(late, complaints, members)).toEqual(
            await observe(inOrder, complaints, members),
          );
          // A replay as of any date gives the same read models too.
          const records = new Set([...complaints, ...members]);
          expect(await replayAsOf(late, cutoff, records)).toEqual(await replayAsOf(inOrder, cutoff, records));
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 50) },
    );
  }, 600_000);
});
