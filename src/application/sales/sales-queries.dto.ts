import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import {
  OPEN_GRADES,
  PROSPECT_CHANNELS,
  type ProspectChannel,
  type ProspectGrade,
} from '../../domain/prospect/prospect.types';
import { PageQueryDto } from '../shared/page';
import { RECORD_ID } from '../shared/record-id';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MONTH_MESSAGE = '$property must be a month as YYYY-MM';
const ISO = { strict: true, strictSeparator: true } as const;

export class ListProspectsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'd-sh-01' }) @IsOptional() @Matches(RECORD_ID) dealerId?: string;
  @ApiPropertyOptional({ example: 'sc-li' }) @IsOptional() @Matches(RECORD_ID) consultantId?: string;
  @ApiPropertyOptional({ enum: ['open', 'ordered', 'lost'], example: 'open' })
  @IsOptional()
  @IsIn(['open', 'ordered', 'lost'])
  status?: 'open' | 'ordered' | 'lost';
  @ApiPropertyOptional({ enum: [...OPEN_GRADES, 'O', 'F'], example: 'H' })
  @IsOptional()
  @IsIn([...OPEN_GRADES, 'O', 'F'])
  grade?: ProspectGrade;
  @ApiPropertyOptional({ enum: PROSPECT_CHANNELS, example: 'walk-in' })
  @IsOptional()
  @IsIn(PROSPECT_CHANNELS)
  channel?: ProspectChannel;
  @ApiPropertyOptional({ example: '2026-03', description: 'Month of registration (CST)' })
  @IsOptional()
  @Matches(MONTH, { message: MONTH_MESSAGE })
  cohortMonth?: string;
}

export class WorklistQueryDto {
  @ApiProperty({ example: 'd-sh-01' }) @Matches(RECORD_ID) dealerId!: string;
  @ApiPropertyOptional({ example: 'sc-li' }) @IsOptional() @Matches(RECORD_ID) consultantId?: string;
  @ApiPropertyOptional({
    example: '2026-03-20T09:00:00+08:00',
    description: 'As of when (default now): lists contacts due by the end of that business day',
  })
  @IsOptional()
  @IsISO8601(ISO)
  asOf?: string;
}

export class FunnelQueryDto {
  @ApiProperty({ example: 'd-sh-01' }) @Matches(RECORD_ID) dealerId!: string;
  @ApiProperty({ example: '2026-03', description: 'Cohort: month of registration (CST)' })
  @Matches(MONTH, { message: MONTH_MESSAGE })
  month!: string;
  @ApiPropertyOptional({ example: 'sc-li' }) @IsOptional() @Matches(RECORD_ID) consultantId?: string;
  @ApiPropertyOptional({ example: 'Lavida', description: 'Model of interest at registration' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  model?: string;
  @ApiPropertyOptional({ enum: PROSPECT_CHANNELS, example: 'walk-in' })
  @IsOptional()
  @IsIn(PROSPECT_CHANNELS)
  channel?: ProspectChannel;
}

export class ListVehicleSalesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'd-sh-01' }) @IsOptional() @Matches(RECORD_ID) dealerId?: string;
  @ApiPropertyOptional({ example: 'sc-li' }) @IsOptional() @Matches(RECORD_ID) consultantId?: string;
  @ApiPropertyOptional({ enum: ['ordered', 'delivered', 'cancelled'], example: 'delivered' })
  @IsOptional()
  @IsIn(['ordered', 'delivered', 'cancelled'])
  status?: 'ordered' | 'delivered' | 'cancelled';
  @ApiPropertyOptional({ example: 'p-2026-000318' }) @IsOptional() @Matches(RECORD_ID) prospectId?: string;
  @ApiPropertyOptional({ example: 'cu-30211' }) @IsOptional() @Matches(RECORD_ID) customerId?: string;
  @ApiPropertyOptional({ example: 'LSVAA4182E2100001' })
  @IsOptional()
  @Matches(/^[A-HJ-NPR-Z0-9]{17}$/, { message: '$property must be a 17-character VIN' })
  vin?: string;
}

export class CallbacksQueryDto {
  @ApiProperty({ example: 'd-sh-01' }) @Matches(RECORD_ID) dealerId!: string;
  @ApiPropertyOptional({
    example: '2026-03-20T09:00:00+08:00',
    description: 'As of when (default now): lists open callbacks due by the end of that business day',
  })
  @IsOptional()
  @IsISO8601(ISO)
  asOf?: string;
}

export class DealerMonthQueryDto {
  @ApiPropertyOptional({ example: 'd-sh-01' }) @IsOptional() @Matches(RECORD_ID) dealerId?: string;
  @ApiPropertyOptional({ example: '2026-03', description: 'Business month, YYYY-MM (CST)' })
  @IsOptional()
  @Matches(MONTH, { message: MONTH_MESSAGE })
  month?: string;
}
