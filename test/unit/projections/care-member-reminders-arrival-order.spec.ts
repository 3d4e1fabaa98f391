import type { StoredEvent } from '../../../src/application/ports/event-store.port';
import type { MembershipEvent } from '../../../src/domain/membership/membership.events';
import {
  type CareTaskDoc,
  careTasksProjection,
} from '../../../src/projections/care-tasks/care-tasks.projection';
import type { Envelope } from '../../../src/projections/shared/projection';

/** A small deterministic generator (mulberry32), so a failing case names its seed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

const home = { customerId: 'cu-1', homeDealerId: 'd-1' };
const DAY = 86_400_000;
const START = Date.parse('2026-01-01T02:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A membership's facts: up to five lots earned in 2026 (expiring 730 days on, so several fall in one CST
 * month), redemptions drawing on them, and the expiry of what is left of some lots. Consistent: nothing
 * draws more than a lot holds.
 */
const historyOf = (next: () => number): MembershipEvent[] => {
  const events: MembershipEvent[] = [];
  const lots = Array.from({ length: 1 + Math.floor(next() * 5) }, (_, index) => {
    const earnedAt = START + Math.floor(next() * 90) * DAY;
    const amount = 10 + Math.floor(next() * 90);
    return { lotId: `lot-${index}`, amount, left: amount, earnedAt, expiresAt: earnedAt + 730 * DAY };
  });
  for (const lot of lots)
    events.push({
      type: 'PointsEarned',
      data: {
        ...home,
        lotId: lot.lotId,
        source: { kind: 'repair-order', id: `ro-${lot.lotId}` },
        dealerId: 'd-1',
        spendFen: lot.amount * 100,
        tier: 'silver',
        ratePerRmb: 1,
        amount: lot.amount,
        earnedAt: iso(lot.earnedAt),
        expiresAt: iso(lot.expiresAt),
        ruleSetVersion: 'loyalty-rules-v1',
        lapseClock: null,
      },
    });
  for (let r = 0; r < Math.floor(next() * 4); r += 1) {
    const at = START + (100 + Math.floor(next() * 500)) * DAY;
    const draws = lots
      .filter((lot) => lot.left > 0 && next() < 0.6)
      .map((lot) => {
        const amount = next() < 0.5 ? lot.left : 1 + Math.floor(next() * lot.left);
        lot.left -= amount;
        return { lotId: lot.lotId, amount, expiresAt: iso(lot.expiresAt) };
      });
    if (draws.length)
      events.push({
        type: 'PointsRedeemed',
        data: {
          ...home,
          redemptionId: `rd-${r}`,
          purpose: 'gift',
          reward: 'umbrella',
          amount: draws.reduce((sum, draw) => sum + draw.amount, 0),
          draws,
          redeemedAt: iso(at),
        },
      });
  }
  for (const lot of lots)
    if (lot.left > 0 && next() < 0.5)
      events.push({
        type: 'PointsExpired',
        data: { ...home, lotId: lot.lotId, amount: lot.left, expiresAt: iso(lot.expiresAt) },
      });
  return events;
};

const at = (event: MembershipEvent): string => {
  switch (event.type) {
    case 'PointsEarned':
      return event.data.earnedAt;
    case 'PointsRedeemed':
      return event.data.redeemedAt;
    case 'PointsExpired':
      return event.data.expiresAt;
    default:
      throw new Error(`not generated: ${event.type}`);
  }
};

/** Projects the events in this order (positions in that order); what each task came to. */
const tasksOf = (events: readonly MembershipEvent[]) => {
  const docs = new Map<string, CareTaskDoc>();
  events.forEach((event, index) => {
    const stored = {
      eventId: `e-${index}`,
      streamId: 'membership-cu-1',
      revision: index,
      globalPosition: index + 1,
      type: event.type,
      data: event.data,
      occurredAt: at(event),
      recordedAt: at(event),
      metadata: { actor: { userId: 'u', role: 'admin', dealerId: null }, correlationId: `c-${index}` },
    } as unknown as Envelope<MembershipEvent> & StoredEvent;
    for (const id of careTasksProjection.documentIds(stored as never))
      docs.set(id, careTasksProjection.apply(docs.get(id) ?? null, stored as never, id));
  });
  return Object.fromEntries(
    [...docs.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, doc]) => [
        id,
        [doc.dealerId, doc.openedAt, doc.dueAt, doc.supersededAt, doc.status, doc.closedAt].join(' '),
      ]),
  );
};

const shuffled = <T>(items: readonly T[], next: () => number): T[] => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
};

describe('points-expiry tasks whatever order the membership facts arrive in', () => {
  it('come out the same as in business-time order (200 seeds, 10 orders each)', () => {
    const statuses = new Set<string>();
    for (let seed = 1; seed <= 200; seed += 1) {
      const next = random(seed);
      const history = historyOf(next);
      const expected = tasksOf(history);
      for (const task of Object.values(expected)) statuses.add(task.split(' ')[4]);
      expect(Object.keys(expected).length).toBeGreaterThan(0);
      for (let order = 0; order < 10; order += 1)
        expect({ seed, order, tasks: tasksOf(shuffled(history, next)) }).toEqual({
          seed,
          order,
          tasks: expected,
        });
    }
    // Both sides are exercised: tasks still open and tasks superseded (closed as cancelled).
    expect([...statuses].sort()).toEqual(['cancelled', 'open']);
  });
});
