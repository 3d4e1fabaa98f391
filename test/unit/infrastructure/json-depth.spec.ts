import { jsonDepthExceeds } from '../../../src/infrastructure/http/shared/json-body';

describe('jsonDepthExceeds: nesting counted in one pass, without recursion', () => {
  it.each([
    ['a scalar', '42', 0, false],
    ['an empty object at limit 1', '{}', 1, false],
    ['an object at limit 0', '{}', 0, true],
    ['3 levels at limit 3', '{"a":[{"b":1}]}', 3, false],
    ['3 levels at limit 2', '{"a":[{"b":1}]}', 2, true],
    ['siblings do not add up', '[[1],[2],[3],[4]]', 2, false],
    ['brackets in a string are text', '{"a":"[[[[{{{{"}', 1, false],
    ['an escaped quote does not end the string', '{"a":"\\"[[["}', 1, false],
    ['an escaped backslash before the closing quote', '{"a":"\\\\"}', 1, false],
    ['a bracket after an escaped backslash counts', '["\\\\",[[1]]]', 2, true],
  ])('%s', (_case, text, limit, exceeds) => {
    expect(jsonDepthExceeds(text, limit)).toBe(exceeds);
  });

  it('answers for 100,000 levels without a stack overflow', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(jsonDepthExceeds(deep, 32)).toBe(true);
    expect(jsonDepthExceeds(deep, 100_000)).toBe(false);
  });
});
