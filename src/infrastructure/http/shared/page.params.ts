import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `limit` and `offset` of every list; the initial values are the defaults (and document them). */
export class PageParams {
  /** How many items (1–200). @example 50 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number = 50;
  /**
   * How many items to skip (at most 1,000,000: beyond that, narrow the filter). @example 0
   */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number = 0;
}
