import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  DEFAULT_REQUIRED_FIELDS,
  KNOWN_FIELDS,
  RECORD_TYPES,
  type RecordType,
} from '../../domain/required-fields/required-fields.catalogue';
import {
  type RequiredFieldsVersionDoc,
  requiredFieldsProjection,
} from '../../projections/required-fields/required-fields.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { CLOCK, type Clock } from '../ports/clock.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';

const VERSIONS = physicalCollection(requiredFieldsProjection);

/** One version of a record type's required fields; version 0 is the defaults (no time, no author). */
export type RequiredFieldsVersion = {
  version: number;
  fields: string[];
  reason: string;
  setAt: string | null;
  setBy: string | null;
};

export type RecordTypeRequiredFields = {
  recordType: RecordType;
  /** Every field the record type may require. */
  knownFields: string[];
  /** The version in force when read: the latest set by then. */
  inForce: RequiredFieldsVersion;
  /** Every version, 0 first. */
  versions: RequiredFieldsVersion[];
};

export type RequiredFieldSets = { readAt: string; recordTypes: RecordTypeRequiredFields[] };

const DEFAULT_REASON = 'defaults (issue 19 §6)';

/** The versions of each record type and the one in force at `readAt`. */
export const requiredFieldSets = async (readStore: ReadStore, readAt: string): Promise<RequiredFieldSets> => {
  const stored = await readStore.find<RequiredFieldsVersionDoc>(
    VERSIONS,
    {},
    {
      sort: [
        ['recordType', 1],
        ['version', 1],
      ],
    },
  );
  const until = Date.parse(readAt);
  const recordTypes = RECORD_TYPES.map((recordType): RecordTypeRequiredFields => {
    const versions: RequiredFieldsVersion[] = [
      {
        version: 0,
        fields: [...DEFAULT_REQUIRED_FIELDS[recordType]],
        reason: DEFAULT_REASON,
        setAt: null,
        setBy: null,
      },
      ...stored
        .filter((doc) => doc.recordType === recordType)
        .map(({ version, fields, reason, setAt, setBy }) => ({ version, fields, reason, setAt, setBy })),
    ];
    // Versions follow business time (the decider refuses one dated before the latest); one dated a few
    // minutes ahead of the clock is not in force yet.
    const inForce = versions.filter((v) => v.setAt === null || Date.parse(v.setAt) <= until).pop()!;
    return { recordType, knownFields: [...KNOWN_FIELDS[recordType]], inForce, versions };
  });
  return { readAt, recordTypes };
};

export class RequiredFieldSetsQuery extends Query<RequiredFieldSets> {}

@QueryHandler(RequiredFieldSetsQuery)
export class RequiredFieldSetsHandler implements IQueryHandler<RequiredFieldSetsQuery, RequiredFieldSets> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(): Promise<RequiredFieldSets> {
    return requiredFieldSets(this.readStore, this.clock.now().toISOString());
  }
}
