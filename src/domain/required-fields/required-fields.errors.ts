import { DomainError } from '../shared/domain-error';
import { KNOWN_FIELDS, RECORD_TYPES, type RecordType } from './required-fields.catalogue';

export class RequiredFieldsUnknownRecordType extends DomainError {
  constructor(recordType: string) {
    super(
      'REQUIRED_FIELDS_UNKNOWN_RECORD_TYPE',
      'forbidden-transition',
      `record type ${recordType} has no required fields: use one of ${RECORD_TYPES.join(', ')}`,
      { recordType, knownRecordTypes: [...RECORD_TYPES] },
    );
  }
}

export class RequiredFieldsUnknownField extends DomainError {
  constructor(recordType: RecordType, unknownFields: readonly string[]) {
    super(
      'REQUIRED_FIELDS_UNKNOWN_FIELD',
      'forbidden-transition',
      `${recordType} has no field ${unknownFields.join(', ')}: its fields are ${KNOWN_FIELDS[recordType].join(', ')}`,
      { recordType, unknownFields: [...unknownFields], knownFields: [...KNOWN_FIELDS[recordType]] },
    );
  }
}

export class RequiredFieldsEmpty extends DomainError {
  constructor(recordType: RecordType) {
    super(
      'REQUIRED_FIELDS_EMPTY',
      'forbidden-transition',
      `a ${recordType} must require at least one field: with none, every record would count as complete`,
      { recordType, knownFields: [...KNOWN_FIELDS[recordType]] },
    );
  }
}

export class RequiredFieldsUnchanged extends DomainError {
  constructor(recordType: RecordType, version: number) {
    super(
      'REQUIRED_FIELDS_UNCHANGED',
      'forbidden-transition',
      `version ${version} of ${recordType} already requires exactly these fields: a new version must change the set`,
      { recordType, version },
    );
  }
}

export class RequiredFieldsFactOutOfOrder extends DomainError {
  constructor(recordType: RecordType, occurredAt: string, latestSetAt: string) {
    super(
      'REQUIRED_FIELDS_FACT_OUT_OF_ORDER',
      'forbidden-transition',
      `the latest ${recordType} version was set at ${latestSetAt}: a new version cannot be dated before it (${occurredAt})`,
      { recordType, occurredAt, latestSetAt },
    );
  }
}
