import type { ComplaintTrail } from '../../../../src/application/complaint/complaint-trail';
import { complaintTrailCsv } from '../../../../src/application/complaint/complaint-trail.csv';
import { csvField, csvRow, toCsv } from '../../../../src/application/shared/csv';

describe('the CSV writer', () => {
  it('quotes commas, quotes and line breaks, doubling the quotes; leaves ordinary values bare', () => {
    expect(
      csvRow(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', null, undefined, [1, 2], 3, true]),
    ).toBe('plain,"a,b","say ""hi""","two\nlines","cr\r\nlf",,,"[1,2]",3,true\r\n');
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, 'x'],
          [2, null],
        ],
      ),
    ).toBe('a,b\r\n1,x\r\n2,\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula: = + - @ tab and CR get a leading quote mark', () => {
    expect(['=1+2', '+86 138', '-x', '@SUM(A1)', '\tx'].map(csvField)).toEqual([
      "'=1+2",
      "'+86 138",
      "'-x",
      "'@SUM(A1)",
      "'\tx",
    ]);
    // Guarded first, then quoted for its CR, comma and quotes.
    expect(csvField('\r=1')).toBe('"\'\r=1"');
    expect(csvField('=HYPERLINK("http://x.example","click")')).toBe(
      '"\'=HYPERLINK(""http://x.example"",""click"")"',
    );
    // Only at the start: a formula character inside a value is harmless.
    expect(csvField('a=b-c')).toBe('a=b-c');
  });

  it('guards text, not numbers: -3 stays the number -3, the text "-3" is guarded', () => {
    expect(csvRow([-3, -0.5, '-3'])).toBe("-3,-0.5,'-3\r\n");
  });
});

describe('the complaint trail CSV (the API path)', () => {
  const actor = { userId: 'u-crm-1', role: 'customer-service', dealerId: 'd-1' };
  const trail: ComplaintTrail = {
    complaintId: 'c-1',
    asOf: '2026-03-01T03:00:00.000Z',
    dealerId: 'd-1',
    status: 'filed',
    level: 'L1',
    remedySought: 'a refund',
    remediesOffered: [],
    stages: [
      {
        stage: 'filed',
        enteredAt: '2026-03-01T02:00:00.000Z',
        leftAt: null,
        minutesInStage: 60,
        enteredBy: actor,
        event: 'ComplaintFiled',
        revision: 0,
        reason: '=HYPERLINK("http://x.example","click"), then',
        clocks: [
          { clock: 'acknowledge', level: 'L1', dueBy: '2026-03-02T02:00:00.000Z', outcome: 'running' },
        ],
      },
    ],
    clocks: [],
    levelChanges: [],
    contacts: [],
    entries: [
      {
        revision: 0,
        globalPosition: 41,
        eventId: 'e-1',
        type: 'ComplaintFiled',
        at: '2026-03-01T02:00:00.000Z',
        recordedAt: '2026-03-01T02:00:05.000Z',
        actor,
        stage: 'filed',
        level: 'L1',
        reason: '=HYPERLINK("http://x.example","click"), then',
        correlationId: 'corr-1',
        causationId: null,
        hash: 'ab12',
        withdrawn: false,
      },
    ],
  };

  it('writes the formula in a reason as text, quoted, and the rest of the row as it is', () => {
    expect(complaintTrailCsv(trail)).toBe(
      'revision,global_position,occurred_at,recorded_at,event,stage_after,level_after,actor,role,dealer,reason,' +
        'minutes_in_stage,clocks_in_stage,correlation_id,causation_id,event_id,hash,withdrawn\r\n' +
        '0,41,2026-03-01T02:00:00.000Z,2026-03-01T02:00:05.000Z,ComplaintFiled,filed,L1,u-crm-1,customer-service,d-1,' +
        '"\'=HYPERLINK(""http://x.example"",""click""), then",60,' +
        'acknowledge@L1 due 2026-03-02T02:00:00.000Z: running,corr-1,,e-1,ab12,false\r\n',
    );
  });
});
