import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `limit` and `offset` of every list. */
export class PageParams {
  /** How many items (1–200). @default 50 @example 50 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  /** How many items to skip. @default 0 @example 0 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}
