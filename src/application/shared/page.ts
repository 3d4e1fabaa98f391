import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Filter } from '../ports/read-store.port';

/** A page of a list, with the total that matched. */
export type Page<T> = Readonly<{ items: T[]; total: number; limit: number; offset: number }>;

/** `limit` (1–200, default 50) and `offset` (default 0) of every list endpoint. */
export class PageQueryDto {
  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ example: 0, minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

/** Drops the filter keys the caller did not give. */
export const definedFilter = (
  filter: Readonly<Record<string, string | number | boolean | undefined>>,
): Filter => Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as Filter;
