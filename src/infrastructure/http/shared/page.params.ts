import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateBy } from 'class-validator';
import { decodeListCursor } from '../../../application/shared/list-page';

/** `limit` and `offset` of every list; the initial values are the defaults (and document them). */
export class PageParams {
  /** How many items (1–200). @example 50 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number = 50;
  /**
   * How many items to skip (at most 1,000,000: beyond that, narrow the filter). @example 0
   */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number = 0;
}

const IsListCursor = () =>
  ValidateBy({
    name: 'isListCursor',
    validator: {
      validate: (value) => typeof value === 'string' && decodeListCursor(value) !== undefined,
      defaultMessage: () => 'after must be the `next` of an earlier page of this list, or left out',
    },
  });

/** A long list of records, newest first: paged by `after` (the `next` of the page before) or by `offset`. */
export class ListParams extends PageParams {
  /**
   * The `next` of the previous page: the page after it, unchanged by records added meanwhile (an offset
   * shifts). Not with `offset`. @example "k1.WyIyMDI2LTAzLTIwVDAxOjAwOjAwLjAwMFoiLCJwMTIiXQ"
   */
  @IsOptional() @IsListCursor() after?: string;
}
