import { median, rankColumn } from '../../../../src/domain/ddc/ddc-ranking';

describe('DDC ranking, median and "<5" suppression (worked out by hand)', () => {
  it('ties share a rank and the next rank skips: 9, 9, 7 → 1, 1, 3', () => {
    const column = rankColumn(
      [
        { dealerId: 'd1', value: 9, customers: 9 },
        { dealerId: 'd2', value: 9, customers: 9 },
        { dealerId: 'd3', value: 7, customers: 7 },
      ],
      'higher-is-better',
    );
    expect(column.cells.map((cell) => cell.rank)).toEqual([1, 1, 3]);
    // sorted 7, 9, 9: the middle one is 9
    expect(column.median).toBe(9);
  });

  it('churn is reversed: the lowest churn ranks first', () => {
    const column = rankColumn(
      [
        { dealerId: 'd1', value: 0.3, customers: 10 },
        { dealerId: 'd2', value: 0.1, customers: 10 },
        { dealerId: 'd3', value: 0.2, customers: 10 },
      ],
      'lower-is-better',
    );
    expect(column.cells.map((cell) => cell.rank)).toEqual([3, 1, 2]);
  });

  it('a dealer without a value is unranked and left out of the median', () => {
    const column = rankColumn(
      [
        { dealerId: 'd1', value: 0.5, customers: 8 },
        { dealerId: 'd2', value: null, customers: 0 },
        { dealerId: 'd3', value: 0.75, customers: 8 },
      ],
      'higher-is-better',
    );
    expect(column.cells).toEqual([
      { dealerId: 'd1', value: 0.5, rank: 2 },
      { dealerId: 'd2', value: null, rank: null },
      { dealerId: 'd3', value: 0.75, rank: 1 },
    ]);
    // (0.5 + 0.75) / 2 = 0.625, over the two dealers that have a value
    expect(column.median).toBe(0.625);
  });

  it('the median of an even count is the mean of the two middle values', () => {
    // sorted 2, 4, 6, 10: (4 + 6) / 2 = 5
    expect(median([10, 2, 6, 4])).toBe(5);
    expect(median([])).toBeNull();
  });

  it('a cell about fewer than 5 customers shows "<5", yet ranks and the median use its true value', () => {
    const column = rankColumn(
      [
        { dealerId: 'd1', value: 4, customers: 4 },
        { dealerId: 'd2', value: 5, customers: 5 },
        { dealerId: 'd3', value: 12, customers: 12 },
        { dealerId: 'd4', value: 0, customers: 0 },
      ],
      'higher-is-better',
    );
    expect(column.cells).toEqual([
      { dealerId: 'd1', value: '<5', rank: 3 },
      { dealerId: 'd2', value: 5, rank: 2 },
      { dealerId: 'd3', value: 12, rank: 1 },
      { dealerId: 'd4', value: '<5', rank: 4 },
    ]);
    // sorted 0, 4, 5, 12: (4 + 5) / 2 = 4.5
    expect(column.median).toBe(4.5);
  });

  it('a rate over fewer than 5 customers is suppressed too', () => {
    const column = rankColumn([{ dealerId: 'd1', value: 0.75, customers: 4 }], 'higher-is-better');
    expect(column.cells[0]).toEqual({ dealerId: 'd1', value: '<5', rank: 1 });
  });
});
