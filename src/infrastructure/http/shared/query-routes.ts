import { Get, Param, Query as QueryString, type Type } from '@nestjs/common';
import type { IQuery } from '@nestjs/cqrs';
import type { Permission } from '../../../application/access/access-policy';
import { refuseEarlierDay } from './as-of';
import { RecordsFileAccess } from './file-access.decorator';
import { Permit, type Tenancy } from './permission.decorator';
import { QueryRoute, type QueryRouteOptions } from './query-route';
import type { ListRequest } from '../../../application/shared/list-page';
import { type ListParams, PageParams } from './page.params';
import { RequestValidationError } from './problem-details';
import { RecordIdPipe } from './record-id.pipe';
import type { RouteEntry, RouteParameter } from './route-table';

/** A read route's docs, and the permission (and tenancy) it needs. */
export type QueryRouteDoc<T> = QueryRouteOptions<T> &
  Readonly<{
    permit: readonly [Permission, Tenancy?];
    /** This route's own decorators (another tag). */
    also?: readonly MethodDecorator[];
    /** A worklist read from today's state: an `asOf` of an earlier day is refused (shared/as-of.ts). */
    todayOrLater?: true;
  }>;

type QueryOf<Input extends unknown[]> = new (...input: Input) => IQuery;

const read = <T>(
  path: string,
  parameter: RouteParameter,
  toQuery: (input: never) => IQuery,
  { permit: [permission, tenancy], also = [], todayOrLater, ...route }: QueryRouteDoc<T>,
  opensFile: boolean = false,
): RouteEntry => ({
  decorators: [
    Get(path),
    ...(opensFile ? [RecordsFileAccess()] : []),
    Permit(permission, tenancy),
    ...also,
    QueryRoute(route),
  ],
  parameters: [parameter],
  handle: ({ queries, clock }, input: unknown) => {
    if (todayOrLater) refuseEarlierDay((input as { asOf?: string }).asOf, clock.now());
    return queries.execute(toQuery(input as never));
  },
});

/** A read whose query takes its query string as it is (a KPI): one call to the query bus. */
export const ask = <P, T>(path: string, params: Type<P>, Query: QueryOf<[P]>, doc: QueryRouteDoc<T>) =>
  read(path, { decorator: QueryString(), type: params }, (input: P) => new Query(input), doc);

/** A read whose query string is reshaped for its query (a filter beside a page and a time). */
export const askWith = <P, T>(
  path: string,
  params: Type<P>,
  toQuery: (params: P) => IQuery,
  doc: QueryRouteDoc<T>,
) => read(path, { decorator: QueryString(), type: params }, toQuery, doc);

/** A list: its filter, then the page (`limit`, `offset`, defaulted by `PageParams`). */
export const askPage = <P extends PageParams, T>(
  path: string,
  params: Type<P>,
  Query: QueryOf<[Omit<P, keyof PageParams>, number, number]>,
  doc: QueryRouteDoc<T>,
) =>
  read(
    path,
    { decorator: QueryString(), type: params },
    ({ limit = 50, offset = 0, ...filter }: P) => new Query(filter, limit, offset),
    doc,
  );

/** A long list: its filter, then the page by cursor (`after`) or by `offset`, not both. */
export const askList = <P extends ListParams, T>(
  path: string,
  params: Type<P>,
  Query: QueryOf<[Omit<P, keyof ListParams>, ListRequest]>,
  doc: QueryRouteDoc<T>,
) =>
  read(
    path,
    { decorator: QueryString(), type: params },
    ({ limit = 50, offset = 0, after, ...filter }: P) => {
      if (after !== undefined && offset > 0)
        throw new RequestValidationError([
          {
            field: 'offset',
            reason: 'must be left out with after: a cursor already names where the page starts',
          },
        ]);
      return new Query(filter, { limit, offset, after });
    },
    doc,
  );

/** A read of the one record the path's last parameter names: its file is opened, so the access is recorded. */
export const askRecord = <T>(path: string, Query: QueryOf<[string]>, doc: QueryRouteDoc<T>): RouteEntry => {
  const idParam = path.slice(path.lastIndexOf(':') + 1);
  const parameter = { decorator: Param(idParam, new RecordIdPipe(idParam)), type: String };
  return read(path, parameter, (id: string) => new Query(id), doc, true);
};
