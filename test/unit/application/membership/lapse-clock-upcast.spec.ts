import { ALL_EVENT_TYPES } from '../../../../src/application/features';
import type { StoredEvent } from '../../../../src/application/ports/event-store.port';
import { EventCatalog } from '../../../../src/application/shared/event-catalog';
import { careTasksProjection } from '../../../../src/projections/care-tasks/care-tasks.projection';

const catalog = new EventCatalog(ALL_EVENT_TYPES);

const stored = (type: string, data: Record<string, unknown>): StoredEvent => ({
  eventId: 'e-1',
  type,
  schemaVersion: 1,
  data: { customerId: 'cu-1', homeDealerId: 'd-1', ...data },
  occurredAt: '2025-06-01T02:00:00.000Z',
  metadata: {
    correlationId: 'c-1',
    causationId: null,
    actor: { userId: 'u-club', role: 'crm-manager', dealerId: 'd-1' },
  },
  streamId: 'membership-cu-1',
  revision: 0,
  globalPosition: 1,
  recordedAt: '2025-06-01T02:00:00.000Z',
});

describe('membership events v2: the lapse clock restated (lapseClock)', () => {
  const v1 = {
    MembershipEnrolled: { cardNumber: 'C-1', tier: 'silver', enrolledAt: '2025-06-01T02:00:00.000Z' },
    PointsEarned: { lotId: 'lot-1', earnedAt: '2025-06-01T02:00:00.000Z' },
    MembershipCancelled: { reason: 'moved', cancelledAt: '2025-06-01T02:00:00.000Z' },
    MembershipReEnrolled: { cardNumber: 'C-2', reEnrolledAt: '2025-06-01T02:00:00.000Z' },
  } as const;

  it.each(Object.entries(v1))('%s is written at v2 and a v1 one reads lapseClock null', (type, data) => {
    expect(catalog.schemaVersionOf(type)).toBe(2);
    const upcast = catalog.upcast(stored(type, data));
    expect(upcast.schemaVersion).toBe(2);
    expect(upcast.data).toEqual({ customerId: 'cu-1', homeDealerId: 'd-1', ...data, lapseClock: null });
  });

  it('an event written before names no lapse warning, so old stores get none from a rebuild', () => {
    const enrolment = catalog.upcast(stored('MembershipEnrolled', v1.MembershipEnrolled));
    const ids = careTasksProjection.documentIds(enrolment as never);
    expect(ids).toEqual([]);
  });
});
