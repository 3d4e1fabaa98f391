import type { FieldCondition, Filter, Scalar, SortSpec } from '../../application/ports/read-store.port';

const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** `customer.id` → `json_extract(doc, '$.customer.id')`; the same text in indexes, so SQLite uses them. */
export const fieldExpression = (path: string): string => {
  if (!FIELD_PATH.test(path)) throw new Error(`read-model field path "${path}" is not a plain dotted name`);
  return `json_extract(doc, '$.${path}')`;
};

/** SQLite's json_extract gives 1/0 for JSON booleans; indexed columns store them the same way. */
export const bindable = (value: Scalar): string | number | null =>
  typeof value === 'boolean' ? Number(value) : value;

export type SqlClause = { sql: string; params: Array<string | number | null> };

/** Where a field's value is read from: a column of its own for indexed fields, the JSON otherwise. */
export type FieldResolver = (path: string) => string;

const conditionSql = (
  path: string,
  condition: FieldCondition,
  params: SqlClause['params'],
  resolve: FieldResolver,
): string[] => {
  const field = resolve(path);
  if (condition === null) return [`${field} IS NULL`];
  if (typeof condition !== 'object') {
    params.push(bindable(condition));
    return [`${field} = ?`];
  }
  const parts: string[] = [];
  const comparisons = [
    ['$gt', '>'],
    ['$gte', '>='],
    ['$lt', '<'],
    ['$lte', '<='],
  ] as const;
  for (const [operator, sqlOperator] of comparisons) {
    const value = condition[operator];
    if (value === undefined || value === null) continue;
    params.push(bindable(value));
    parts.push(`${field} ${sqlOperator} ?`);
  }
  if (condition.$ne !== undefined) {
    params.push(bindable(condition.$ne));
    parts.push(`${field} IS NOT ?`);
  }
  if (condition.$in !== undefined) {
    const values = condition.$in.filter((value) => value !== null);
    const alternatives = values.length ? [`${field} IN (${values.map(() => '?').join(', ')})`] : [];
    params.push(...values.map(bindable));
    if (condition.$in.includes(null)) alternatives.push(`${field} IS NULL`);
    parts.push(alternatives.length ? `(${alternatives.join(' OR ')})` : '0');
  }
  if (condition.$exists !== undefined) {
    parts.push(`json_type(doc, '$.${path}') IS ${condition.$exists ? 'NOT NULL' : 'NULL'}`);
  }
  return parts;
};

/** Mongo-like filter → SQL WHERE clause with bound parameters. Mongo's null semantics: missing = null. */
export const whereClause = (filter: Filter, resolve: FieldResolver = fieldExpression): SqlClause => {
  const params: SqlClause['params'] = [];
  const parts = Object.entries(filter).flatMap(([path, condition]) =>
    conditionSql(path, condition, params, resolve),
  );
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
};

/** Sort spec → ORDER BY; the id breaks ties so pages are stable. */
export const orderByClause = (
  sort: SortSpec | undefined,
  resolve: FieldResolver = fieldExpression,
): string => {
  const keys = (sort ?? []).map(
    ([path, direction]) => `${resolve(path)} ${direction === 1 ? 'ASC' : 'DESC'}`,
  );
  return `ORDER BY ${[...keys, 'id ASC'].join(', ')}`;
};
