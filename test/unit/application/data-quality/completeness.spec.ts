import { completenessByDealer } from '../../../../src/application/data-quality/completeness';
import { isPresent, RECORD_SOURCES } from '../../../../src/application/data-quality/record-sources';
import { KNOWN_FIELDS, RECORD_TYPES } from '../../../../src/domain/required-fields/required-fields.catalogue';

const record = (recordId: string, dealerId: string | null, present: string[]) => ({
  recordId,
  dealerId,
  present: new Set(present),
});

describe('data completeness', () => {
  it('counts complete records and the records missing each required field, per dealer', () => {
    // Required: name, phone, modelOfInterest.
    // D1: p1 has all three (complete); p2 lacks modelOfInterest; p3 lacks phone and modelOfInterest;
    //     p4 has all three and a field not required (budgetFen): complete.
    //     records 4, complete 2 (p1, p4), rate 2/4 = 0.5; missing name 0, phone 1 (p3), model 2 (p2, p3).
    // D2: q1 lacks name: records 1, complete 0, rate 0; missing name 1, phone 0, model 0.
    // D3 asked for, no record: records 0, complete 0, rate null, every field 0.
    const rows = completenessByDealer(
      ['name', 'phone', 'modelOfInterest'],
      [
        record('p1', 'd1', ['name', 'phone', 'modelOfInterest']),
        record('q1', 'd2', ['phone', 'modelOfInterest']),
        record('p2', 'd1', ['name', 'phone']),
        record('p3', 'd1', ['name']),
        record('p4', 'd1', ['name', 'phone', 'modelOfInterest', 'budgetFen']),
      ],
      ['d3'],
    );
    expect(rows).toEqual([
      {
        dealerId: 'd1',
        records: 4,
        complete: 2,
        completenessRate: 0.5,
        missing: [
          { field: 'name', records: 0 },
          { field: 'phone', records: 1 },
          { field: 'modelOfInterest', records: 2 },
        ],
      },
      {
        dealerId: 'd2',
        records: 1,
        complete: 0,
        completenessRate: 0,
        missing: [
          { field: 'name', records: 1 },
          { field: 'phone', records: 0 },
          { field: 'modelOfInterest', records: 0 },
        ],
      },
      {
        dealerId: 'd3',
        records: 0,
        complete: 0,
        completenessRate: null,
        missing: [
          { field: 'name', records: 0 },
          { field: 'phone', records: 0 },
          { field: 'modelOfInterest', records: 0 },
        ],
      },
    ]);
  });

  it('rounds the rate to 4 decimals', () => {
    // 2 complete of 3: 0.66666… → 0.6667.
    const rows = completenessByDealer(
      ['vin'],
      [record('s1', 'd1', ['vin']), record('s2', 'd1', ['vin']), record('s3', 'd1', [])],
    );
    expect(rows[0]).toMatchObject({ records: 3, complete: 2, completenessRate: 0.6667 });
  });

  it('takes empty and whitespace-only as missing; zero, false and protected values as present', () => {
    expect([null, undefined, '', '   ', '\t'].map(isPresent)).toEqual([false, false, false, false, false]);
    expect([0, false, 'Lavida', ' x '].map(isPresent)).toEqual([true, true, true, true]);
    // A protected name (encrypted, or kept after the customer was forgotten) is present.
    expect(isPresent('pii:1:name:cu-1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toBe(true);
    // A legacy marker is judged by its clear text: base64url('  ') = 'ICA', of 'Li' = 'TGk'.
    expect(isPresent('pii:0:name:cu-1:ICA')).toBe(false);
    expect(isPresent('pii:0:name:cu-1:TGk')).toBe(true);
  });

  it('reads every known field of every record type from its read model', () => {
    for (const type of RECORD_TYPES)
      expect(Object.keys(RECORD_SOURCES[type].fields).sort()).toEqual([...KNOWN_FIELDS[type]].sort());
  });
});
