import type { ImportReport, RefusedRow, RowFieldError } from '../../../application/import/import.service';

export class RowFieldErrorView implements RowFieldError {
  /** @example contact.phone */
  field!: string;
  /** @example phone must be 6 to 24 digits, spaces or dashes, with an optional leading + */
  reason!: string;
}

/** A row that was not imported, and why. */
export class RefusedRowView implements RefusedRow {
  /** Its line in the file (row n of the request is line n). @example 7 */
  line!: number;
  /** @example complaint.AcknowledgeComplaint */
  type!: string | null;
  /** @example c-2025-0042 */
  recordId!: string | null;
  /** Its business time, in UTC. @example 2025-03-02T02:00:00.000Z */
  occurredAt!: string | null;
  /** The domain code (as the HTTP route would answer), VALIDATION_FAILED, UNKNOWN_ROW_TYPE or ROW_UNREADABLE. @example COMPLAINT_ACTION_BEFORE_FILING */
  code!: string;
  /** @example complaint c-2025-0042 was not filed */
  detail!: string;
  /** The fields refused, for VALIDATION_FAILED. */
  fields?: RowFieldErrorView[];
}

export class ImportReportView implements ImportReport {
  /** @example 12 */
  rows!: number;
  /** Rows whose command appended events. @example 10 */
  appended!: number;
  /** Rows an earlier run imported already: nothing appended. @example 0 */
  skipped!: number;
  /** Rows the record already reflected: the command had nothing to append. @example 0 */
  unchanged!: number;
  /** @example 2 */
  refused!: number;
  /** Events appended. @example 11 */
  events!: number;
  /** Business time of the first row run (UTC). @example 2025-03-02T02:00:00.000Z */
  from!: string | null;
  /** Business time of the last row run (UTC). @example 2025-03-20T06:00:00.000Z */
  to!: string | null;
  /** In line order. */
  refusedRows!: RefusedRowView[];
}
