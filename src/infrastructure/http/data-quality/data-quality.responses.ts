import type {
  CompletenessReport,
  MissingFieldRecord,
  RecordTypeCompleteness,
} from '../../../application/data-quality/completeness.queries';
import type { DealerCompleteness, FieldMissing } from '../../../application/data-quality/completeness';
import type {
  RecordTypeRequiredFields,
  RequiredFieldSets,
  RequiredFieldsVersion,
} from '../../../application/data-quality/required-fields.queries';
import type { RecordType } from '../../../domain/required-fields/required-fields.catalogue';
import { PageOf } from '../shared/page.responses';

/** The answers of the data-quality routes, typed by the reports they show. */
export class RequiredFieldsVersionView implements RequiredFieldsVersion {
  /** 0 for the defaults, then 1, 2, … per record type. @example 1 */
  version!: number;
  /** @example ["name","phone","channel","modelOfInterest","consultantId"] */
  fields!: string[];
  reason!: string;
  /** Business time it was set; null for version 0. */
  setAt!: string | null;
  /** Who set it; null for version 0. */
  setBy!: string | null;
}

export class RecordTypeRequiredFieldsView implements RecordTypeRequiredFields {
  recordType!: RecordType;
  /** Every field the record type may require. */
  knownFields!: string[];
  /** The version in force when read. */
  inForce!: RequiredFieldsVersionView;
  /** Every version, 0 first. */
  versions!: RequiredFieldsVersionView[];
}

export class RequiredFieldSetsView implements RequiredFieldSets {
  /** When the answer was read: the versions in force then. */
  readAt!: string;
  recordTypes!: RecordTypeRequiredFieldsView[];
}

export class FieldMissingView implements FieldMissing {
  /** @example modelOfInterest */
  field!: string;
  /** Records of the dealer missing it. @example 1 */
  records!: number;
}

export class DealerCompletenessView implements DealerCompleteness {
  /** null for records whose dealer is itself missing. @example d-sh-01 */
  dealerId!: string | null;
  /** @example 3 */
  records!: number;
  /** Records with every required field present. @example 2 */
  complete!: number;
  /** complete ÷ records, 4 decimals; null without records. @example 0.6667 */
  completenessRate!: number | null;
  /** Per required field, the records missing it (0 included). */
  missing!: FieldMissingView[];
}

export class RecordTypeCompletenessView implements RecordTypeCompleteness {
  recordType!: RecordType;
  /** The version applied to every record: the one in force when read. */
  requiredFields!: RequiredFieldsVersionView;
  /** One row per dealer with records (and the dealer asked for, even without), by dealer. */
  dealers!: DealerCompletenessView[];
}

export class CompletenessReportView implements CompletenessReport {
  /** When it was computed: the versions in force then. */
  readAt!: string;
  recordTypes!: RecordTypeCompletenessView[];
}

export class MissingFieldRecordView implements MissingFieldRecord {
  recordType!: RecordType;
  /** @example p-2026-000318 */
  recordId!: string;
  /** null when the record's dealer is itself missing. @example d-sh-01 */
  dealerId!: string | null;
  /** The record's own read route. @example /prospects/p-2026-000318 */
  href!: string;
}

export class MissingFieldPage extends PageOf(MissingFieldRecordView) {}
