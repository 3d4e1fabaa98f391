import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_LEVELS,
  type ComplaintCategory,
  type ComplaintLevel,
  type ComplaintStage,
} from '../../domain/complaint/complaint.types';
import { PageQueryDto } from '../shared/page';
import { RECORD_ID } from '../shared/record-id';

const STAGES: readonly ComplaintStage[] = [
  'filed',
  'acknowledged',
  'assigned',
  'investigating',
  'resolution-proposed',
  'resolved',
  'closed',
];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MONTH_MESSAGE = '$property must be a month as YYYY-MM';

export class ListComplaintsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'd-sh-01' })
  @IsOptional()
  @Matches(RECORD_ID)
  dealerId?: string;

  @ApiPropertyOptional({ enum: STAGES })
  @IsOptional()
  @IsIn(STAGES)
  status?: ComplaintStage;

  @ApiPropertyOptional({ enum: COMPLAINT_LEVELS })
  @IsOptional()
  @IsIn(COMPLAINT_LEVELS)
  level?: ComplaintLevel;

  @ApiPropertyOptional({ enum: COMPLAINT_CATEGORIES })
  @IsOptional()
  @IsIn(COMPLAINT_CATEGORIES)
  category?: ComplaintCategory;
}

export const CLOCK_STATUSES = ['overdue', 'due-soon', 'on-track', 'no-deadline'] as const;
export type ClockStatus = (typeof CLOCK_STATUSES)[number];

export class WorklistQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'd-sh-01' })
  @IsOptional()
  @Matches(RECORD_ID)
  dealerId?: string;

  @ApiPropertyOptional({ enum: COMPLAINT_LEVELS })
  @IsOptional()
  @IsIn(COMPLAINT_LEVELS)
  level?: ComplaintLevel;

  @ApiPropertyOptional({ example: 'u-sa-14', description: 'The owner the complaint is assigned to.' })
  @IsOptional()
  @Matches(RECORD_ID)
  assigneeId?: string;

  @ApiPropertyOptional({ enum: CLOCK_STATUSES, description: 'due-soon: a deadline within 4 hours.' })
  @IsOptional()
  @IsIn(CLOCK_STATUSES)
  clockStatus?: ClockStatus;

  @ApiPropertyOptional({
    example: '2026-03-03T10:00:00+08:00',
    description: 'Clock status as of this time; default now.',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  asOf?: string;
}

export class ComplianceQueryDto {
  @ApiPropertyOptional({ example: 'd-sh-01' })
  @IsOptional()
  @Matches(RECORD_ID)
  dealerId?: string;

  @ApiPropertyOptional({
    example: '2026-03',
    description: 'Month of filing (the cohort), YYYY-MM, China Standard Time',
  })
  @IsOptional()
  @Matches(MONTH, { message: MONTH_MESSAGE })
  month?: string;
}

export class ComplaintSlaQueryDto {
  @ApiPropertyOptional({ example: 'd-sh-01' })
  @IsOptional()
  @Matches(RECORD_ID)
  dealerId?: string;

  @ApiPropertyOptional({ example: '2026-03', description: 'Business month, YYYY-MM (China Standard Time)' })
  @IsOptional()
  @Matches(MONTH, { message: MONTH_MESSAGE })
  month?: string;
}

export class TrailQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @ApiPropertyOptional({
    example: '2026-03-10T00:00:00Z',
    description: 'Time spent in the current stage is counted up to this time; default now.',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  asOf?: string;
}
