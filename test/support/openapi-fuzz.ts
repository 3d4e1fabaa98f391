/**
 * Bad inputs for every operation of an OpenAPI document: a valid-looking body built from the schemas'
 * examples, then one fault at a time in it, its path and its query. Deterministic: a seeded generator
 * picks which fields of a large body are spoilt.
 */

type Schema = Readonly<{
  $ref?: string;
  type?: string;
  example?: unknown;
  enum?: readonly unknown[];
  properties?: Readonly<Record<string, Schema>>;
  items?: Schema;
  oneOf?: readonly Schema[];
  allOf?: readonly Schema[];
}>;
type Parameter = Readonly<{ in: string; name: string; schema?: Schema }>;
type Operation = Readonly<{
  parameters?: readonly Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}>;
export type OpenApiDocument = Readonly<{
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}>;

/** One request to send, what it spoils, and whether the API must refuse it (4xx) whatever the route. */
export type FuzzCase = Readonly<{
  method: string;
  url: string;
  payload?: string;
  fault: string;
  mustRefuse: boolean;
}>;

/** mulberry32: small, seeded, the same sequence on every run. */
export const seededRandom = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T/;

/** Kinds of spoilt value per JSON type; `true` marks the ones the API must refuse on any route. */
const STRING_FAULTS: ReadonlyArray<[string, unknown, boolean]> = [
  ['NUL', 'a\u0000b', true],
  ['lone surrogate', 'a\ud800b', true],
  ['ESC', '\u001b[2J', true],
  ['10,000 characters', 'x'.repeat(10_000), false],
  ['a number', 42, false],
  ['an array', ['x'], false],
];
const INSTANT_FAULTS: ReadonlyArray<[string, unknown, boolean]> = [
  ['year 9999', '9999-12-31T23:59:59Z', false],
  ['year 0', '0000-01-01T00:00:00Z', false],
  ['30 February', '2026-02-30T10:00:00+08:00', false],
];
const NUMBER_FAULTS: ReadonlyArray<[string, unknown, boolean]> = [
  ['1e21', 1e21, true],
  ['-1e21', -1e21, false],
  ['2^63', 2 ** 63, true],
  ['a fraction', 1.005, false],
  ['a numeric string', '12', false],
  ['null', null, false],
];
const OBJECT_FAULTS: ReadonlyArray<[string, unknown, boolean]> = [
  ['an empty array', [], true],
  ['an array of an object', [{}], true],
  ['a string', 'x', false],
  ['null', null, false],
];
const ARRAY_FAULTS: ReadonlyArray<[string, unknown, boolean]> = [
  ['an object', {}, false],
  ['an array of null', [null], false],
  ['a string', 'x', false],
];
const PATH_FAULTS = [
  '%00',
  'x'.repeat(300),
  '..%2F..%2Fhealth',
  '9223372036854775808',
  '%F0%9F%9A%97',
  '%E0%A4%A',
];
const NUMBER_QUERY_FAULTS = ['lots', '-1', '1e400', '9223372036854775808', '1.5', ''];
const STRING_QUERY_FAULTS = ['%00', '%ED%A0%80', 'x'.repeat(3_000), '9999-12-31T23:59:59Z', '0000-01-01'];

export const fuzzCases = (
  document: OpenApiDocument,
  pathValues: Readonly<Record<string, string>>,
  seed: number,
): FuzzCase[] => {
  const random = seededRandom(seed);
  const resolve = (schema: Schema): Schema => {
    if (schema.$ref) return resolve(document.components.schemas[schema.$ref.split('/').pop()!]!);
    if (schema.allOf?.length) return resolve({ ...schema.allOf[0], ...schema, allOf: undefined });
    return schema;
  };
  const sample = (given: Schema): unknown => {
    const schema = resolve(given);
    if (schema.example !== undefined) return structuredClone(schema.example);
    if (schema.enum) return schema.enum[0];
    if (schema.oneOf) return sample(schema.oneOf[0]!);
    if (schema.type === 'array') return schema.items ? [sample(schema.items)] : [];
    if (schema.type === 'object' || schema.properties)
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sample(value)]),
      );
    return { number: 1, integer: 1, boolean: true }[schema.type ?? ''] ?? 'x';
  };
  /** Every field of a body, nested ones by their path (`customer.name`, `parts.0.quantity`). */
  const fields = (given: Schema, path: string[] = []): Array<{ path: string[]; schema: Schema }> => {
    const schema = resolve(given);
    if (schema.type === 'array' && schema.items)
      return [
        { path, schema },
        ...fields(schema.items, [...path, '0']).filter((field) => field.path.length > path.length + 1),
      ];
    if (schema.properties)
      return [
        ...(path.length ? [{ path, schema }] : []),
        ...Object.entries(schema.properties).flatMap(([key, value]) => fields(value, [...path, key])),
      ];
    return [{ path, schema }];
  };
  const spoil = (body: unknown, path: readonly string[], value: unknown): unknown => {
    const copy = structuredClone(body) as Record<string, unknown>;
    let at: Record<string, unknown> = copy;
    for (const key of path.slice(0, -1)) {
      if (typeof at[key] !== 'object' || at[key] === null) at[key] = key === '0' ? [] : {};
      at = at[key] as Record<string, unknown>;
    }
    at[path[path.length - 1]!] = value;
    return copy;
  };
  const faultsOf = (schema: Schema, example: unknown) => {
    if (schema.type === 'array' || (schema.oneOf && !schema.properties)) return ARRAY_FAULTS;
    if (schema.properties) return OBJECT_FAULTS;
    if (schema.type === 'number' || schema.type === 'integer') return NUMBER_FAULTS;
    if (schema.type === 'boolean')
      return [
        ['a string', 'true', false],
        ['0', 0, false],
      ] as const;
    return typeof example === 'string' && ISO_INSTANT.test(example)
      ? [...STRING_FAULTS, ...INSTANT_FAULTS]
      : STRING_FAULTS;
  };

  const cases: FuzzCase[] = [];
  for (const [template, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const parameters = operation.parameters ?? [];
      const pathOf = (override: Record<string, string> = {}) =>
        template.replace(
          /\{(\w+)\}/g,
          (_match, name: string) => override[name] ?? pathValues[name] ?? 'fz-1',
        );
      const bodySchema = operation.requestBody?.content['application/json']?.schema;
      const body = bodySchema ? sample(bodySchema) : undefined;
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const send = (fault: string, mustRefuse: boolean, url = pathOf(), sent = payload) =>
        cases.push({ method: method.toUpperCase(), url, payload: sent, fault, mustRefuse });

      for (const parameter of parameters.filter((candidate) => candidate.in === 'path'))
        for (const value of PATH_FAULTS)
          send(`path ${parameter.name} = ${value.slice(0, 20)}`, false, pathOf({ [parameter.name]: value }));
      for (const parameter of parameters.filter((candidate) => candidate.in === 'query')) {
        const numeric = ['number', 'integer'].includes(parameter.schema?.type ?? '');
        for (const value of numeric ? NUMBER_QUERY_FAULTS : STRING_QUERY_FAULTS)
          send(
            `query ${parameter.name} = ${value.slice(0, 20)}`,
            false,
            `${pathOf()}?${parameter.name}=${value}`,
          );
        send(`query ${parameter.name} twice`, false, `${pathOf()}?${parameter.name}=1&${parameter.name}=2`);
      }
      if (!bodySchema) continue;

      for (const [fault, sent, mustRefuse] of [
        ['JSON nested 3,000 levels', `{"x":${nested(3_000)}}`, true],
        ['a null body', 'null', true],
        ['an array body', '[]', true],
        ['an array of the body', `[${payload}]`, true],
        ['a number body', '7', true],
        ['a prototype-poisoning body', '{"__proto__":{"polluted":1}}', true],
      ] as const)
        send(fault, mustRefuse, pathOf(), sent);
      const all = fields(bodySchema);
      // A large body gets a sample of its fields spoilt, the same sample on every run.
      const chosen = all.length <= 6 ? all : all.filter(() => random() < 6 / all.length);
      for (const field of chosen) {
        const example = field.path.reduce<unknown>(
          (at, key) => (at as Record<string, unknown> | undefined)?.[key],
          body,
        );
        for (const [fault, value, mustRefuse] of faultsOf(field.schema, example))
          send(
            `${field.path.join('.')} = ${fault}`,
            mustRefuse,
            pathOf(),
            JSON.stringify(spoil(body, field.path, value)),
          );
      }
      if (all.some((field) => field.path.join('.') === 'occurredAt'))
        for (const [fault, value] of [
          ['far future', '9999-12-31T23:59:59Z'],
          ['before 2000', '1970-01-01T00:00:00Z'],
        ])
          send(`occurredAt ${fault}`, true, pathOf(), JSON.stringify(spoil(body, ['occurredAt'], value)));
    }
  }
  return cases;
};
