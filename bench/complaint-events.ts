import { randomUUID } from 'node:crypto';
import { uuidV7 } from '../src/application/shared/uuid-v7';
import type { EventMetadata, NewEvent } from '../src/application/ports/event-store.port';
import type { ComplaintAcknowledged, ComplaintFiled } from '../src/domain/complaint/complaint.events';
import type {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintLevel,
  ComplaintSeverity,
} from '../src/domain/complaint/complaint.types';

/**
 * Synthetic but realistic complaint events for the benchmark: the data of ComplaintFiled /
 * ComplaintAcknowledged as the decider writes it, and metadata as the command pipeline writes it
 * (correlation id, actor, and on half of the commands an Idempotency-Key with its request hash).
 */

const HOUR_MS = 3_600_000;
const ACK_HOURS: Record<ComplaintLevel, number> = { L1: 24, L2: 8, L3: 4 };
const RESOLVE_HOURS: Record<ComplaintSeverity, number> = { minor: 48, general: 72, major: 120 };
const CHANNELS: readonly ComplaintChannel[] = ['hotline', 'oem-call-centre', 'dealer', 'web'];
const CATEGORIES: readonly ComplaintCategory[] = ['product', 'service', 'staff'];
const SEVERITIES: readonly ComplaintSeverity[] = ['minor', 'general', 'major'];
const DESCRIPTIONS = [
  'Rattling noise from the dashboard above 80 km/h since the last service; the dealer could not reproduce it.',
  '保养后发动机故障灯亮起，4S店称需要等待配件两周，客户对沟通态度不满。',
  'Infotainment screen freezes on start-up and the reversing camera shows a black image about once a day.',
  'Customer was charged for a brake-fluid replacement that was not on the approved work order.',
  '新车交付时发现左后门漆面划痕，销售顾问承诺处理但一直没有回复。',
  'Air conditioning blows warm air after 20 minutes of driving; third visit for the same fault.',
  'Service advisor was rude on the phone and refused to give a date for the warranty repair.',
  '车辆在高速行驶时方向盘抖动，客户担心安全问题，要求厂家介入检测。',
];
const REMEDIES = [
  'repair',
  'replacement part',
  'refund of the labour charge',
  '厂家检测并书面答复',
  'apology and goodwill',
];
const NOTES = [null, null, 'Called the customer back, appointment booked.', '已电话联系客户，预约到店检测。'];

/** Deterministic PRNG (mulberry32), so every run writes the same history. */
export const prng = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const hex = (random: Random, length: number): string => {
  let out = '';
  while (out.length < length)
    out += Math.floor(random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return out.slice(0, length);
};

export const dealerIdOf = (n: number): string => `d-${String(n).padStart(3, '0')}`;

const metadataFor = (random: Random, dealerId: string | null, role: string): EventMetadata => {
  const actor = {
    userId: dealerId ? `u-${dealerId}-${Math.floor(random() * 8)}` : `u-hotline-${Math.floor(random() * 20)}`,
    role,
    dealerId,
  };
  const base = { correlationId: randomUUID(), causationId: null, actor };
  return random() < 0.5 ? { ...base, idempotencyKey: randomUUID(), requestHash: hex(random, 64) } : base;
};

export type ComplaintSeed = Readonly<{ complaintId: string; dealerId: string; filedAt: string }>;

export const complaintFiled = (random: Random, seed: ComplaintSeed): NewEvent => {
  const roll = random();
  const level: ComplaintLevel = roll < 0.8 ? 'L1' : roll < 0.95 ? 'L2' : 'L3';
  const severity = pick(random, SEVERITIES);
  const filedMs = Date.parse(seed.filedAt);
  const customerNo = Math.floor(random() * 1_000_000);
  const data: ComplaintFiled['data'] = {
    complaintId: seed.complaintId,
    dealerId: seed.dealerId,
    channel: pick(random, CHANNELS),
    category: pick(random, CATEGORIES),
    severity,
    level,
    customer: {
      customerId: `cu-${customerNo}`,
      name: `Customer ${customerNo}`,
      phone: `13${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
    },
    relatedSaleId: random() < 0.3 ? `s-${hex(random, 10)}` : null,
    relatedRepairOrderId: random() < 0.5 ? `ro-${hex(random, 10)}` : null,
    description: pick(random, DESCRIPTIONS),
    remedySought: pick(random, REMEDIES),
    filedAt: seed.filedAt,
    slaPolicyVersion: 'complaint-sla-v1',
    acknowledgeBy: new Date(filedMs + ACK_HOURS[level] * HOUR_MS).toISOString(),
    resolveBy: new Date(filedMs + RESOLVE_HOURS[severity] * HOUR_MS).toISOString(),
  };
  return {
    eventId: uuidV7(),
    type: 'ComplaintFiled',
    schemaVersion: 1,
    data,
    occurredAt: seed.filedAt,
    metadata: metadataFor(random, null, 'oem-staff'),
  };
};

export const complaintAcknowledged = (random: Random, filed: NewEvent, acknowledgedAt: string): NewEvent => {
  const filedData = filed.data as ComplaintFiled['data'];
  const data: ComplaintAcknowledged['data'] = {
    complaintId: filedData.complaintId,
    dealerId: filedData.dealerId,
    acknowledgedAt,
    note: pick(random, NOTES),
    acknowledgeBy: filedData.acknowledgeBy,
    onTime: Date.parse(acknowledgedAt) <= Date.parse(filedData.acknowledgeBy),
  };
  return {
    eventId: uuidV7(),
    type: 'ComplaintAcknowledged',
    schemaVersion: 1,
    data,
    occurredAt: acknowledgedAt,
    metadata: metadataFor(random, filedData.dealerId, 'dealer-agent'),
  };
};

/**
 * `size` events for one long stream (the batched-append measurement): a filing then acknowledgements,
 * alternating, all with fresh event ids.
 */
export const streamBatch = (
  random: Random,
  complaintId: string,
  dealerId: string,
  size: number,
): NewEvent[] => {
  const filedAt = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 365 * 24) * HOUR_MS).toISOString();
  const filed = complaintFiled(random, { complaintId, dealerId, filedAt });
  const ackAt = new Date(Date.parse(filedAt) + 2 * HOUR_MS).toISOString();
  return Array.from({ length: size }, (_, i) =>
    i % 2 === 0 ? { ...filed, eventId: uuidV7() } : complaintAcknowledged(random, filed, ackAt),
  );
};

export type HistoryOptions = Readonly<{ events: number; dealers: number; months: number; ackRate: number }>;
export type HistoryEntry = Readonly<{ streamId: string; event: NewEvent; expected: 'no_stream' | 0 }>;

/**
 * A complaint history of exactly `events` events in business-time order: complaints filed evenly over
 * `months` months (starting January 2025) at random dealers; `ackRate` of them acknowledged 0.5 to 30 hours
 * later (so some miss their L2/L3/L1 deadline), interleaved with later filings as they would be live.
 */
export function* complaintHistory(options: HistoryOptions, seed = 42): Generator<HistoryEntry> {
  const random = prng(seed);
  const start = Date.UTC(2025, 0, 1);
  const complaints = Math.ceil(options.events / (1 + options.ackRate));
  const intervalMs = (options.months * 30.4 * 24 * HOUR_MS) / complaints;
  // Pending acknowledgements, kept sorted by time (descending, so the earliest pops off the end).
  const pending: Array<{ at: number; streamId: string; filed: NewEvent }> = [];
  let emitted = 0;
  let filedCount = 0;
  while (emitted < options.events) {
    const nextFiling = start + filedCount * intervalMs;
    const due = pending[pending.length - 1];
    if (due && due.at <= nextFiling) {
      pending.pop();
      yield {
        streamId: due.streamId,
        event: complaintAcknowledged(random, due.filed, new Date(due.at).toISOString()),
        expected: 0,
      };
    } else {
      const complaintId = `cmp-${String(filedCount).padStart(7, '0')}-${hex(random, 6)}`;
      const dealerId = dealerIdOf(Math.floor(random() * options.dealers));
      const filedAt = new Date(Math.floor(nextFiling)).toISOString();
      const filed = complaintFiled(random, { complaintId, dealerId, filedAt });
      const streamId = `complaint-${complaintId}`;
      filedCount += 1;
      if (random() < options.ackRate) {
        const at = Math.floor(nextFiling + (0.5 + random() * 29.5) * HOUR_MS);
        let index = pending.length;
        while (index > 0 && pending[index - 1].at < at) index -= 1;
        pending.splice(index, 0, { at, streamId, filed });
      }
      yield { streamId, event: filed, expected: 'no_stream' };
    }
    emitted += 1;
  }
}
