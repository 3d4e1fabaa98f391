import { IsIn, IsOptional, IsString, Matches, ValidateBy } from 'class-validator';
import { RECORD_ID } from '../../../application/shared/record-id';
import {
  isFieldOf,
  isRecordType,
  KNOWN_FIELDS,
  RECORD_TYPES,
  type RecordType,
} from '../../../domain/required-fields/required-fields.catalogue';
import { PageParams } from '../shared/page.params';

/** `field` is one of the record type's fields; the message lists them. */
const IsFieldOfRecordType = () =>
  ValidateBy({
    name: 'isFieldOfRecordType',
    validator: {
      validate: (field, args) => {
        const recordType = (args?.object as { recordType?: unknown }).recordType;
        if (typeof field !== 'string' || typeof recordType !== 'string' || !isRecordType(recordType))
          return true;
        return isFieldOf(recordType, field);
      },
      defaultMessage: (args) => {
        const recordType = (args?.object as { recordType?: string }).recordType as RecordType;
        return `field must be a field of ${recordType}: ${KNOWN_FIELDS[recordType].join(', ')}`;
      },
    },
  });

export class CompletenessParams {
  /** One record type (default: all of them). @example prospect */
  @IsOptional() @IsIn(RECORD_TYPES) recordType?: RecordType;
  /** One dealer (a dealer's own roles: always theirs). @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID) dealerId?: string;
}

export class MissingFieldParams extends PageParams {
  /** @example prospect */
  @IsIn(RECORD_TYPES) recordType!: RecordType;
  /** A field of the record type, required or not (GET /data-quality/required-fields lists them). @example modelOfInterest */
  @IsString() @IsFieldOfRecordType() field!: string;
  /** One dealer (a dealer's own roles: always theirs). @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID) dealerId?: string;
}
