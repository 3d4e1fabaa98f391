import { ratio4 } from '../../domain/shared/ratio';
/** One record as the report sees it: its id, its dealer, and which fields hold a value (never the values). */
export type RecordPresence = Readonly<{
  recordId: string;
  dealerId: string | null;
  present: ReadonlySet<string>;
}>;

export type FieldMissing = { field: string; records: number };

export type DealerCompleteness = {
  /** null for records whose dealer is itself missing (a member without a home dealer). */
  dealerId: string | null;
  records: number;
  /** Records with every required field present. */
  complete: number;
  /** complete ÷ records, 4 decimals; null without records. */
  completenessRate: number | null;
  /** Per required field, in the version's order, the records missing it (0 included). */
  missing: FieldMissing[];
};

/**
 * Completeness of one record type per dealer, against one set of required fields: a record is complete
 * when every required field is present. `dealers` lists dealers to answer even without records (the
 * dealer asked for); the others appear when they have records. Rows are sorted by dealer.
 */
export const completenessByDealer = (
  required: readonly string[],
  records: readonly RecordPresence[],
  dealers: readonly (string | null)[] = [],
): DealerCompleteness[] => {
  const rows = new Map<string | null, DealerCompleteness>();
  const rowOf = (dealerId: string | null) => {
    let row = rows.get(dealerId);
    if (!row) {
      row = {
        dealerId,
        records: 0,
        complete: 0,
        completenessRate: null,
        missing: required.map((field) => ({ field, records: 0 })),
      };
      rows.set(dealerId, row);
    }
    return row;
  };
  for (const dealerId of dealers) rowOf(dealerId);
  for (const record of records) {
    const row = rowOf(record.dealerId);
    row.records += 1;
    let complete = true;
    for (const missing of row.missing)
      if (!record.present.has(missing.field)) {
        missing.records += 1;
        complete = false;
      }
    if (complete) row.complete += 1;
  }
  return [...rows.values()]
    .map((row) => ({ ...row, completenessRate: ratio4(row.complete, row.records) }))
    .sort((a, b) => (a.dealerId ?? '').localeCompare(b.dealerId ?? ''));
};
