import type { Filter, ReadModelDoc, ReadStore } from '../ports/read-store.port';
import type { Page } from './page';

/**
 * A long list of records, newest first, paged by a cursor (issue 16: a cursor on long lists) or by an
 * offset. The order is total: `field` descending, then the record id ascending, so records at the same
 * instant come in one order and no page repeats or skips one, however many are added meanwhile (an
 * offset shifts when a newer record arrives; a cursor does not).
 */
export type NewestFirst = Readonly<{ field: string; idField: string }>;
export type ListRequest = Readonly<{ limit: number; offset: number; after?: string }>;
/** `next`: the cursor to send as `after` for the following page; null on the last page. */
export type ListPage<T> = Page<T> & Readonly<{ next: string | null }>;

const PREFIX = 'k1.';
type Key = readonly [value: string | number, id: string];

/** Opaque to the client: `k1.` and the last record's sort value and id, base64url. */
export const encodeListCursor = (key: Key): string =>
  `${PREFIX}${Buffer.from(JSON.stringify(key)).toString('base64url')}`;

/** The key a cursor names, or undefined when it is not one a list gave out. */
export const decodeListCursor = (cursor: string): Key | undefined => {
  if (!cursor.startsWith(PREFIX) || cursor.length > 400) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor.slice(PREFIX.length), 'base64url').toString());
    if (!Array.isArray(key) || key.length !== 2) return undefined;
    const [value, id] = key as unknown[];
    const scalar = typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
    return scalar && typeof id === 'string' ? [value as string | number, id] : undefined;
  } catch {
    return undefined;
  }
};

/**
 * One page in the list's order. After a cursor it reads the records at the cursor's instant with a greater
 * id, then the older ones: two range reads, which every read-store adapter supports (no `$or`).
 */
export const readNewestFirst = async <T extends ReadModelDoc>(
  store: ReadStore,
  collection: string,
  where: Filter,
  { field, idField }: NewestFirst,
  { limit, offset, after }: ListRequest,
): Promise<ListPage<T>> => {
  const order = [
    [field, -1],
    [idField, 1],
  ] as const;
  const key = after === undefined ? undefined : decodeListCursor(after);
  const total = store.count(collection, where);
  let items: T[];
  if (key === undefined) {
    items = await store.find<T>(collection, where, { sort: order, limit: limit + 1, skip: offset });
  } else {
    const [value, id] = key;
    if (field in where || idField in where)
      throw new Error(`a cursor on ${collection} cannot be combined with a filter on ${field} or ${idField}`);
    const same = await store.find<T>(
      collection,
      { ...where, [field]: value, [idField]: { $gt: id } },
      { sort: [[idField, 1]], limit: limit + 1 },
    );
    const older =
      same.length > limit
        ? []
        : await store.find<T>(
            collection,
            { ...where, [field]: { $lt: value } },
            { sort: order, limit: limit + 1 - same.length },
          );
    items = [...same, ...older];
  }
  const page = items.slice(0, limit);
  const last = page.at(-1);
  const next =
    items.length > limit && last
      ? encodeListCursor([last[field] as string | number, String(last[idField])])
      : null;
  return { items: page, total: await total, limit, offset, next };
};
