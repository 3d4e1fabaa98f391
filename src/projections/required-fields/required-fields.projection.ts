import type { RequiredFieldsSet } from '../../domain/required-fields/required-fields.decider';
import type { RecordType } from '../../domain/required-fields/required-fields.catalogue';
import type { ProjectionDefinition } from '../shared/projection';

/** One document per record type and version (version 0, the defaults, is not stored: it is the code's). */
export type RequiredFieldsVersionDoc = {
  recordType: RecordType;
  version: number;
  fields: string[];
  reason: string;
  setAt: string;
  setBy: string;
};

export const requiredFieldsProjection: ProjectionDefinition<RequiredFieldsSet, RequiredFieldsVersionDoc> = {
  name: 'required-fields',
  version: 1,
  collection: 'required_fields',
  indexes: [['recordType', 'version']],
  handles: ['RequiredFieldsSet'],
  documentIds: (event) => [`${event.data.recordType}_${event.data.version}`],
  apply: (_doc, { data, metadata }) => ({
    recordType: data.recordType,
    version: data.version,
    fields: [...data.fields],
    reason: data.reason,
    setAt: data.setAt,
    setBy: metadata.actor.userId,
  }),
};
