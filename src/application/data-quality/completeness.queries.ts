import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { RECORD_TYPES, type RecordType } from '../../domain/required-fields/required-fields.catalogue';
import { CLOCK, type Clock } from '../ports/clock.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import type { Kpi } from '../shared/kpi';
import type { Page } from '../shared/page';
import { completenessByDealer, type DealerCompleteness, type RecordPresence } from './completeness';
import { type AnySource, isPresent, RECORD_SOURCES } from './record-sources';
import { requiredFieldSets, type RequiredFieldsVersion } from './required-fields.queries';

export type RecordTypeCompleteness = {
  recordType: RecordType;
  /** The version applied to every record: the one in force when read. */
  requiredFields: RequiredFieldsVersion;
  dealers: DealerCompleteness[];
};

export type CompletenessReport = { readAt: string; recordTypes: RecordTypeCompleteness[] };

export type CompletenessParams = Readonly<{ recordType?: RecordType; dealerId?: string }>;

export type MissingFieldParams = Readonly<{ recordType: RecordType; field: string; dealerId?: string }>;

/** A record missing the field: enough to open it, nothing of its content. */
export type MissingFieldRecord = {
  recordType: RecordType;
  recordId: string;
  dealerId: string | null;
  /** The record's own read route. */
  href: string;
};

const dealerOf = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

/** Every record of the type (of one dealer), as ids and presence flags: values stay here. */
const presences = async (
  readStore: ReadStore,
  source: AnySource,
  dealerId: string | undefined,
): Promise<RecordPresence[]> => {
  const records: RecordPresence[] = [];
  const filter = dealerId === undefined ? {} : { [source.dealerField]: dealerId };
  for await (const doc of readStore.stream<Record<string, unknown>>(source.collection, filter)) {
    const read = doc as never;
    const present = new Set(
      Object.entries(source.fields)
        .filter(([, valueOf]) => isPresent(valueOf(read)))
        .map(([field]) => field),
    );
    records.push({ recordId: source.idOf(read), dealerId: dealerOf(source.dealerOf(read)), present });
  }
  return records;
};

/** The completeness report, computed when read with the versions in force then (docs/data-quality.md). */
export const completenessReport = async (
  readStore: ReadStore,
  clock: Clock,
  { recordType, dealerId }: CompletenessParams,
): Promise<CompletenessReport> => {
  const readAt = clock.now().toISOString();
  const sets = await requiredFieldSets(readStore, readAt);
  const recordTypes: RecordTypeCompleteness[] = [];
  for (const type of recordType ? [recordType] : RECORD_TYPES) {
    const requiredFields = sets.recordTypes.find((set) => set.recordType === type)!.inForce;
    const records = await presences(readStore, RECORD_SOURCES[type], dealerId);
    const dealers = completenessByDealer(requiredFields.fields, records, dealerId ? [dealerId] : []);
    recordTypes.push({ recordType: type, requiredFields, dealers });
  }
  return { readAt, recordTypes };
};

/** The records of a type missing one field (required or not), by dealer then id. */
export const missingFieldRecords = async (
  readStore: ReadStore,
  { recordType, field, dealerId }: MissingFieldParams,
  limit: number,
  offset: number,
): Promise<Page<MissingFieldRecord>> => {
  const source = RECORD_SOURCES[recordType];
  const missing = (await presences(readStore, source, dealerId))
    .filter((record) => !record.present.has(field))
    .sort(
      (a, b) => (a.dealerId ?? '').localeCompare(b.dealerId ?? '') || a.recordId.localeCompare(b.recordId),
    )
    .map(({ recordId, dealerId: dealer }) => ({
      recordType,
      recordId,
      dealerId: dealer,
      href: source.href(recordId),
    }));
  return { items: missing.slice(offset, offset + limit), total: missing.length, limit, offset };
};

export class CompletenessQuery extends Query<CompletenessReport> {
  constructor(readonly params: CompletenessParams) {
    super();
  }
}

export class MissingFieldQuery extends Query<Page<MissingFieldRecord>> {
  constructor(
    readonly params: MissingFieldParams,
    readonly limit: number,
    readonly offset: number,
  ) {
    super();
  }
}

@QueryHandler(CompletenessQuery)
export class CompletenessHandler implements IQueryHandler<CompletenessQuery, CompletenessReport> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ params }: CompletenessQuery): Promise<CompletenessReport> {
    return completenessReport(this.readStore, this.clock, params);
  }
}

@QueryHandler(MissingFieldQuery)
export class MissingFieldHandler implements IQueryHandler<MissingFieldQuery, Page<MissingFieldRecord>> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  execute({ params, limit, offset }: MissingFieldQuery): Promise<Page<MissingFieldRecord>> {
    return missingFieldRecords(this.readStore, params, limit, offset);
  }
}

/** The completeness KPI `crm kpi data-completeness [--dealer]` reads. */
export const COMPLETENESS_KPIS: Readonly<Record<string, Kpi>> = {
  'data-completeness': {
    description:
      'data completeness per record type and dealer: records, complete, rate and missing per required field (version in force)',
    required: [],
    read: (store, clock, p) => completenessReport(store, clock, { dealerId: p.dealer }),
  },
};
