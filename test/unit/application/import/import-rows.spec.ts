import {
  formatOfFile,
  inBusinessTimeOrder,
  readCsv,
  readJsonLines,
  readValues,
} from '../../../../src/application/import/import-rows';

describe('import rows: reading JSON lines and CSV', () => {
  it('reads one row a JSON line, its type out of its fields, blank lines counted but skipped', () => {
    const text =
      '{"type":"complaint.FileComplaint","complaintId":"c-1"}\n\n{"type":"membership.EnrollMember","customerId":"cu-1"}\n';
    const { rows, unreadable } = readJsonLines(text);
    expect(unreadable).toEqual([]);
    expect(rows).toEqual([
      { line: 1, type: 'complaint.FileComplaint', fields: { complaintId: 'c-1' }, fromText: false },
      { line: 3, type: 'membership.EnrollMember', fields: { customerId: 'cu-1' }, fromText: false },
    ]);
  });

  it('names each unreadable line and why: not JSON, not an object, no type', () => {
    const text = ['{"type":', '[1,2]', '{"customerId":"cu-1"}', '{"type":""}', '{"type":"a.B"}'].join('\r\n');
    const { rows, unreadable } = readJsonLines(text);
    expect(rows.map((row) => row.line)).toEqual([5]);
    expect(unreadable.map(({ line, code }) => [line, code])).toEqual([
      [1, 'ROW_UNREADABLE'],
      [2, 'ROW_UNREADABLE'],
      [3, 'ROW_UNREADABLE'],
      [4, 'ROW_UNREADABLE'],
    ]);
    expect(unreadable[0].detail).toMatch(/^not JSON/);
    expect(unreadable[1].detail).toBe('a row must be a JSON object');
    expect(unreadable[2].detail).toMatch(/must name its `type`/);
  });

  it('reads the route’s rows as values, row n as line n', () => {
    const { rows, unreadable } = readValues([{ type: 'a.B', x: 1 }, 'text']);
    expect(rows).toEqual([{ line: 1, type: 'a.B', fields: { x: 1 }, fromText: false }]);
    expect(unreadable).toEqual([{ line: 2, code: 'ROW_UNREADABLE', detail: 'a row must be a JSON object' }]);
  });

  it('reads CSV: quoted cells with commas, quotes and line breaks, dotted columns nested, empty cells left out', () => {
    const text = [
      'type,complaintId,customer.name,customer.phone,description,level',
      'complaint.FileComplaint,c-1,"Wang, Fang",13812345678,"said ""loud""',
      'at night",',
      'complaint.FileComplaint,c-2,Li,13812345679,rattle,L2',
    ].join('\n');
    const { rows, unreadable } = readCsv(text);
    expect(unreadable).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        type: 'complaint.FileComplaint',
        fields: {
          complaintId: 'c-1',
          customer: { name: 'Wang, Fang', phone: '13812345678' },
          description: 'said "loud"\nat night',
        },
        fromText: true,
      },
      {
        line: 4,
        type: 'complaint.FileComplaint',
        fields: {
          complaintId: 'c-2',
          customer: { name: 'Li', phone: '13812345679' },
          description: 'rattle',
          level: 'L2',
        },
        fromText: true,
      },
    ]);
  });

  it('takes the type of a CSV without a type column from the caller, and refuses a line of the wrong width', () => {
    const { rows, unreadable } = readCsv(
      '\uFEFFcustomerId,cardNumber\r\ncu-1,C-1\r\ncu-2\r\n',
      'membership.EnrollMember',
    );
    expect(rows).toEqual([
      {
        line: 2,
        type: 'membership.EnrollMember',
        fields: { customerId: 'cu-1', cardNumber: 'C-1' },
        fromText: true,
      },
    ]);
    expect(unreadable).toEqual([
      { line: 3, code: 'ROW_UNREADABLE', detail: '1 cells where the header names 2 columns' },
    ]);
  });

  it('knows a CSV file by its extension, anything else is JSON lines', () => {
    expect(formatOfFile('history/members.CSV')).toBe('csv');
    expect(formatOfFile('history/all.jsonl')).toBe('jsonl');
  });

  it('orders by business time, ties in file order (stable)', () => {
    const rows = [
      { line: 1, at: 30 },
      { line: 2, at: 10 },
      { line: 3, at: 30 },
      { line: 4, at: 10 },
    ];
    expect(inBusinessTimeOrder(rows).map((row) => row.line)).toEqual([2, 4, 1, 3]);
  });
});
