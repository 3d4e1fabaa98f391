import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../shared/page';
import { RECORD_ID } from '../shared/record-id';

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
