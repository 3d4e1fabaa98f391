import type { Filter } from '../ports/read-store.port';

/** A page of a list, with the total that matched. */
export type Page<T> = Readonly<{ items: T[]; total: number; limit: number; offset: number }>;

/** Drops the filter keys the caller did not give. */
export const definedFilter = (
  filter: Readonly<Record<string, string | number | boolean | undefined>>,
): Filter => Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as Filter;

/** The page a caller asks for; without a limit, the whole list (the CLI's `crm kpi`). */
export type PageRequest = Readonly<{ limit?: number; offset?: number }>;

/**
 * One page of a list computed whole when read (a worklist due "as of" a time, computed from a dealer's
 * records), with the total: the answer stays bounded however long the list grows.
 */
export const pageOfList = <T>(list: readonly T[], { limit, offset = 0 }: PageRequest): Page<T> => ({
  items: list.slice(offset, limit === undefined ? undefined : offset + limit),
  total: list.length,
  limit: limit ?? list.length,
  offset,
});
