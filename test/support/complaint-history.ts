import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '../../src/application/ports/event-store.port';

const actor = { userId: 'u-hotline', role: 'oem-staff', dealerId: null };
const meta = { correlationId: 'history', causationId: null, actor };

/**
 * A deterministic complaint history whose figures are easy to work out by hand:
 * complaint i (0-based) goes to dealer `d-${i % dealers}`, is filed on day 1 + (i % 28) of March 2026 at
 * 02:00 UTC (10:00 in Shanghai), at level L3 when i % 10 === 0 else L1; every complaint with i % 4 !== 3 is
 * acknowledged 2 hours later, except that for i % 4 === 2 it is 30 hours later (late for L1 and L3).
 */
export const complaintHistory = (
  count: number,
  dealers = 2,
): Array<{ streamId: string; events: NewEvent[] }> =>
  Array.from({ length: count }, (_, i) => {
    const complaintId = `c-${String(i).padStart(5, '0')}`;
    const dealerId = `d-${i % dealers}`;
    const filedAt = new Date(Date.UTC(2026, 2, 1 + (i % 28), 2)).toISOString();
    const level = i % 10 === 0 ? 'L3' : 'L1';
    const ackHours = level === 'L3' ? 4 : 24;
    const filed: NewEvent = {
      eventId: randomUUID(),
      type: 'ComplaintFiled',
      schemaVersion: 1,
      occurredAt: filedAt,
      metadata: meta,
      data: {
        complaintId,
        dealerId,
        channel: 'hotline',
        category: 'service',
        severity: 'general',
        level,
        customer: {
          customerId: `cu-${i}`,
          name: `Customer ${i}`,
          phone: `1380000${String(i).padStart(4, '0')}`,
        },
        relatedSaleId: null,
        relatedRepairOrderId: null,
        description: 'noise',
        remedySought: 'repair',
        filedAt,
        slaPolicyVersion: 'complaint-sla-v1',
        acknowledgeBy: new Date(Date.parse(filedAt) + ackHours * 3_600_000).toISOString(),
        resolveBy: new Date(Date.parse(filedAt) + 72 * 3_600_000).toISOString(),
      },
    };
    const events = [filed];
    if (i % 4 !== 3) {
      const delayHours = i % 4 === 2 ? 30 : 2;
      const acknowledgedAt = new Date(Date.parse(filedAt) + delayHours * 3_600_000).toISOString();
      events.push({
        eventId: randomUUID(),
        type: 'ComplaintAcknowledged',
        schemaVersion: 1,
        occurredAt: acknowledgedAt,
        metadata: meta,
        data: {
          complaintId,
          dealerId,
          acknowledgedAt,
          note: null,
          acknowledgeBy: filed.data.acknowledgeBy,
          onTime: delayHours <= ackHours,
        },
      });
    }
    return { streamId: `complaint-${complaintId}`, events };
  });

/** Appends the history interleaved: all filings first, then the acknowledgements, in chunks. */
export const writeComplaintHistory = async (
  store: EventStore,
  count: number,
  dealers = 2,
): Promise<number> => {
  const history = complaintHistory(count, dealers);
  for (const { streamId, events } of history) await store.appendToStream(streamId, [events[0]], 'no_stream');
  for (const { streamId, events } of history) {
    if (events[1]) await store.appendToStream(streamId, [events[1]], 0);
  }
  return history.reduce((total, { events }) => total + events.length, 0);
};
