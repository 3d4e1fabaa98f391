import { textErrors } from '../../../src/infrastructure/http/shared/text-rules';

describe('textErrors: every string of a body or query is text a person could have typed', () => {
  it('passes letters of any script, emoji (surrogate pairs), tabs and line breaks', () => {
    expect(textErrors({ name: '王芳', note: 'line 1\r\nline 2\tend 🚗', tags: ['ok'], n: 3 })).toEqual([]);
  });

  it.each([
    ['NUL', 'a\u0000b', /U\+0000/],
    ['ESC', '\u001b[2J', /U\+001B/],
    ['DEL', 'x\u007f', /U\+007F/],
    ['a C1 control', 'x\u0085', /U\+0085/],
    ['a lone high surrogate', 'x\ud800', /surrogate/],
    ['a lone high surrogate at the end of a pair run', '🚗\ud83d', /surrogate/],
    ['a lone low surrogate', '\udc00x', /surrogate/],
  ])('refuses %s, naming the field by its path', (_case, text, reason) => {
    expect(
      textErrors({ customer: { name: text }, parts: [{ partNumber: 'ok' }, { partNumber: text }] }),
    ).toEqual(
      expect.arrayContaining([
        { field: 'customer.name', reason: expect.stringMatching(reason) },
        { field: 'parts.1.partNumber', reason: expect.stringMatching(reason) },
      ]),
    );
  });

  it('names a bad top-level string as the body', () => {
    expect(textErrors('\u0000')).toEqual([{ field: '(body)', reason: expect.stringMatching(/control/) }]);
  });
});
