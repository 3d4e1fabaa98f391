import type { Filter } from '../ports/read-store.port';

/** A page of a list, with the total that matched. */
export type Page<T> = Readonly<{ items: T[]; total: number; limit: number; offset: number }>;

/** Drops the filter keys the caller did not give. */
export const definedFilter = (
  filter: Readonly<Record<string, string | number | boolean | undefined>>,
): Filter => Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as Filter;
