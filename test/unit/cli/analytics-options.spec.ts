import { readNameOf } from '../../../src/cli/analytics/cli-stores';
import { UsageError } from '../../../src/cli/cli-command';
import { asOfCutoff } from '../../../src/cli/analytics/as-of';
import { csvRow } from '../../../src/application/shared/csv';
import { flatten } from '../../../src/cli/analytics/flatten';
import { parseWhere } from '../../../src/cli/commands/export.command';

describe('crm replay --as-of', () => {
  it('takes a date as the whole business day in UTC+8', () => {
    // 1 April 00:00 in Shanghai is 31 March 16:00 UTC.
    expect(new Date(asOfCutoff('2026-03-31').includeBefore).toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(new Date(asOfCutoff('2024-02-29').includeBefore).toISOString()).toBe('2024-02-29T16:00:00.000Z');
  });

  it('takes an ISO instant as inclusive', () => {
    expect(asOfCutoff('2026-03-31T12:00:00Z').includeBefore).toBe(Date.parse('2026-03-31T12:00:00Z') + 1);
  });

  it('refuses what is neither, saying what would do', () => {
    expect(() => asOfCutoff('2026-02-30')).toThrow(/not a calendar date/);
    expect(() => asOfCutoff('yesterday')).toThrow(/neither a date \(YYYY-MM-DD\) nor an ISO instant/);
    expect(() => asOfCutoff('2026-03')).toThrow(/neither a date/);
  });
});

describe('crm export', () => {
  it('reads --where values as JSON when they parse, else as text', () => {
    expect(parseWhere(['dealerId=d-1', 'score=7', 'vip=true', 'note=null', 'code=007x', 'expr=a=b'])).toEqual(
      {
        dealerId: 'd-1',
        score: 7,
        vip: true,
        note: null,
        code: '007x',
        expr: 'a=b',
      },
    );
    expect(() => parseWhere(['=x'])).toThrow(/is not field=value/);
    expect(() => parseWhere(['dealerId'])).toThrow(/is not field=value/);
  });

  it('writes nested fields as dotted columns and quotes what needs it', () => {
    expect(flatten({ a: 1, b: { c: 'x', d: { e: null } }, list: [1, 2] })).toEqual({
      a: 1,
      'b.c': 'x',
      'b.d.e': null,
      list: [1, 2],
    });
    expect(csvRow(['plain', 'a,b', 'say "hi"', 'two\nlines', null, [1, 2], 3])).toBe(
      'plain,"a,b","say ""hi""","two\nlines",,"[1,2]",3\r\n',
    );
  });
});

describe('crm export <target>', () => {
  it('takes a projection, its collection, or a physical collection of it', () => {
    expect(readNameOf('complaint-details')).toBe('complaints_v3');
    expect(readNameOf('complaints')).toBe('complaints_v3');
    expect(readNameOf('complaints_v2')).toBe('complaints_v2');
    expect(readNameOf('complaints_v2_g2')).toBe('complaints_v2_g2');
  });

  it('refuses an unknown name as bad usage, naming the known ones', () => {
    expect(() => readNameOf('nope')).toThrow(UsageError);
    expect(() => readNameOf('nope')).toThrow(/nope is neither a projection nor a collection/);
    expect(() => readNameOf('nope')).toThrow(/complaint-details/);
    expect(() => readNameOf('complaints_extra')).toThrow(UsageError);
  });
});
