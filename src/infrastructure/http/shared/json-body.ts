import type { FastifyBodyParser, FastifyInstance } from 'fastify';
import { MalformedJsonError } from './problem-details';

/** Deeper than any body of this API needs (the deepest is a line of a list in a body: 3 levels). */
export const MAX_JSON_DEPTH = 32;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * How deep arrays and objects nest in `text`, counted in one pass without recursion (so a hostile body
 * cannot exhaust the stack here), stopping as soon as it passes `limit`. Brackets inside strings are
 * text. Invalid JSON is left for the parser to refuse.
 */
export const jsonDepthExceeds = (text: string, limit: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === BACKSLASH) index += 1;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) inString = true;
    else if (char === OPEN_OBJECT || char === OPEN_ARRAY) {
      depth += 1;
      if (depth > limit) return true;
    } else if (char === CLOSE_OBJECT || char === CLOSE_ARRAY) depth -= 1;
  }
  return false;
};

/**
 * Replaces the JSON body parser with Fastify's own (prototype-poisoning checks, 400 for an empty or
 * invalid body) behind a depth limit: deeply nested JSON would otherwise overflow the stack of every
 * recursive step after parsing (validation, transformation, fingerprinting) and answer 500.
 * Only JSON is parsed: any other media type is a 415.
 */
export const registerJsonBodyParser = (fastify: FastifyInstance, bodyLimit: number): void => {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  const parser: FastifyBodyParser<string> = (request, body, done) => {
    if (jsonDepthExceeds(body, MAX_JSON_DEPTH)) {
      done(
        new MalformedJsonError(
          `the body is nested deeper than ${MAX_JSON_DEPTH} levels of arrays and objects: no body of this API needs that`,
        ),
      );
      return;
    }
    (parse as (...args: Parameters<FastifyBodyParser<string>>) => void)(request, body, done);
  };
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, parser);
};
