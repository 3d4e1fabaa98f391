import type { Document } from 'mongodb';
import type { FieldCondition, Filter, SortSpec } from '../../application/ports/read-store.port';

/** Same rule as the SQLite adapter: plain dotted names only, so no `$` operator can be smuggled in. */
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** `customer.city` → `value.customer.city`: documents live under `value` next to `_id` and `position`. */
export const valuePath = (path: string): string => {
  if (!FIELD_PATH.test(path)) throw new Error(`read-model field path "${path}" is not a plain dotted name`);
  return `value.${path}`;
};

const RANGE_OPERATORS = ['$gt', '$gte', '$lt', '$lte'] as const;

/**
 * One condition. A scalar is equality, and `null` keeps MongoDB's meaning, "missing or null", which is
 * what the SQLite adapter implements too. A range bound of `null` is ignored, as in SQLite, rather than
 * left to BSON type bracketing.
 */
const toCondition = (condition: FieldCondition): unknown => {
  if (condition === null || typeof condition !== 'object') return condition;
  const operators: Document = {};
  for (const operator of RANGE_OPERATORS) {
    const bound = condition[operator];
    if (bound !== undefined && bound !== null) operators[operator] = bound;
  }
  if (condition.$ne !== undefined) operators.$ne = condition.$ne;
  if (condition.$in !== undefined) operators.$in = [...condition.$in];
  if (condition.$exists !== undefined) operators.$exists = condition.$exists;
  return operators;
};

/** Port filter → MongoDB query on the stored `{ _id, value, position }` documents. Conditions are ANDed. */
export const toMongoFilter = (filter: Filter): Document => {
  const query: Document = {};
  for (const [path, condition] of Object.entries(filter)) {
    const operators = toCondition(condition);
    // An object with no usable operator (e.g. only `$gt: null`) matches everything, as in SQLite.
    if (isEmptyObject(operators)) continue;
    query[valuePath(path)] = operators;
  }
  return query;
};

/** Sort spec → MongoDB sort; `_id` breaks ties so pages are stable, as `id ASC` does in SQLite. */
export const toMongoSort = (sort: SortSpec | undefined): Document => {
  const keys: Document = {};
  for (const [path, direction] of sort ?? []) keys[valuePath(path)] = direction;
  keys._id = 1;
  return keys;
};

const isEmptyObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
