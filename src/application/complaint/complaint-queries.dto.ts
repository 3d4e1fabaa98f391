import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { RECORD_ID } from '../shared/record-id';

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

export class ListComplaintsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'd-sh-01' })
  @IsOptional()
  @Matches(RECORD_ID)
  dealerId?: string;

  @ApiPropertyOptional({ enum: ['filed', 'acknowledged'] })
  @IsOptional()
  @IsIn(['filed', 'acknowledged'])
  status?: 'filed' | 'acknowledged';
}

export class ComplaintSlaQueryDto {
  @ApiPropertyOptional({ example: 'd-sh-01' })
  @IsOptional()
  @Matches(RECORD_ID)
  dealerId?: string;

  @ApiPropertyOptional({ example: '2026-03', description: 'Business month, YYYY-MM (China Standard Time)' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '$property must be a month as YYYY-MM' })
  month?: string;
}
