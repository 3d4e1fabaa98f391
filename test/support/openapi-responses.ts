import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Schema = Record<string, unknown>;
type Response = Readonly<{ description: string; content?: Record<string, { schema?: Schema }> }>;
type Operation = Readonly<{ operationId: string; responses: Record<string, Response> }>;
type Document = Readonly<{ paths: Record<string, Record<string, Operation>> }>;
/** What the checker needs of an injected response. */
export type SentResponse = Readonly<{
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}>;

const JSON_TYPE = /^application\/(problem\+)?json\b/;

/** OpenAPI 3.0's `nullable: true` as JSON Schema: null, or what the rest of the schema says. */
const toJsonSchema = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const { nullable, ...rest } = node as Schema;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, toJsonSchema(value)]),
  );
  return nullable === true ? { anyOf: [{ type: 'null' }, converted] } : converted;
};

/** Literal paths before templated ones, so `/complaints/worklist` is not read as `/complaints/{complaintId}`. */
const pathMatchers = (document: Document) =>
  Object.keys(document.paths)
    .map((path) => ({
      path,
      params: (path.match(/\{/g) ?? []).length,
      pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }))
    .sort((a, b) => a.params - b.params);

/**
 * Checks a real answer against the OpenAPI document the app serves: its status must be one the operation
 * documents, and a JSON body must match that response's schema (errors: the `Problem` schema and the codes
 * the response names). The test helper runs it on every response, so the document cannot drift from the code.
 */
export const responseChecker = (document: Document) => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...(toJsonSchema(document) as Schema), $id: 'openapi' });
  const matchers = pathMatchers(document);
  const compiled = new Map<string, ValidateFunction>();
  const validatorOf = (key: string, schema: Schema): ValidateFunction => {
    let validate = compiled.get(key);
    if (!validate) {
      // Local refs (#/components/…) resolve inside the document added above.
      const rebased = JSON.parse(
        JSON.stringify(schema).replace(/"#\/components\//g, '"openapi#/components/'),
      );
      validate = ajv.compile(rebased as Schema);
      compiled.set(key, validate);
    }
    return validate;
  };
  const problem = validatorOf('Problem', { $ref: '#/components/schemas/Problem' });

  return (method: string, url: string, response: SentResponse): void => {
    const path = new URL(url, 'http://local').pathname;
    const template = matchers.find(({ pattern }) => pattern.test(path))?.path;
    const operation = template ? document.paths[template][method.toLowerCase()] : undefined;
    const type = String(response.headers['content-type'] ?? '');
    const body = JSON_TYPE.test(type) && response.body ? (JSON.parse(response.body) as unknown) : undefined;
    const fail: (why: string) => never = (why) => {
      throw new Error(
        `${method} ${url} answered ${response.statusCode}: ${why}\n${response.body.slice(0, 800)}`,
      );
    };
    if (!operation) {
      // No operation (an unknown route, /docs): an error must still be a problem.
      if (response.statusCode >= 400 && body !== undefined && !problem(body)) {
        fail(`not a Problem: ${ajv.errorsText(problem.errors)}`);
      }
      return;
    }
    const documented = operation.responses[String(response.statusCode)] ?? operation.responses.default;
    if (!documented) fail(`${operation.operationId} does not document ${response.statusCode}`);
    if (response.statusCode === 204 || !response.body) return;
    const mediaType = type.split(';')[0].trim();
    const content = documented.content?.[mediaType];
    if (!content) fail(`${operation.operationId} documents no ${mediaType} body for ${response.statusCode}`);
    if (body === undefined || !content.schema) return;
    const validate = validatorOf(
      `${operation.operationId} ${response.statusCode} ${mediaType}`,
      content.schema,
    );
    if (!validate(body))
      fail(`does not match ${operation.operationId}'s schema: ${ajv.errorsText(validate.errors)}`);
  };
};
