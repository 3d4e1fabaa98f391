import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { REPAIR_ORDER_STAGES, type RepairOrderStage } from '../../domain/repair-order/repair-order.types';
import { PageQueryDto } from '../shared/page';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../shared/record-id';
import { VIN } from './repair-order-intake.dto';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MONTH_MESSAGE = '$property must be a month as YYYY-MM';
const ISO = { strict: true, strictSeparator: true };

export class ListRepairOrdersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'd-sh-01' })
  @IsOptional()
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  dealerId?: string;

  @ApiPropertyOptional({ example: 'LSVAB4BR5MN000001' })
  @IsOptional()
  @Matches(VIN, { message: '$property must be a 17-character VIN' })
  vin?: string;

  @ApiPropertyOptional({ enum: REPAIR_ORDER_STAGES, example: 'settled' })
  @IsOptional()
  @IsIn(REPAIR_ORDER_STAGES)
  status?: RepairOrderStage;
}

export class DealerMonthQueryDto {
  @ApiPropertyOptional({ example: 'd-sh-01' })
  @IsOptional()
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  dealerId?: string;

  @ApiPropertyOptional({ example: '2026-03', description: 'Business month, YYYY-MM (China Standard Time)' })
  @IsOptional()
  @Matches(MONTH, { message: MONTH_MESSAGE })
  month?: string;
}

/** W of the retention and lost-vehicle definitions: 6 calendar months unless asked otherwise. */
class WindowQueryDto {
  @ApiProperty({ example: 'd-sh-01' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  dealerId!: string;

  @ApiPropertyOptional({
    example: 6,
    minimum: 1,
    maximum: 36,
    default: 6,
    description: 'Window W in calendar months',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(36)
  window?: number;
}

export class RetentionQueryDto extends WindowQueryDto {
  @ApiProperty({ example: '2026-07', description: 'First month N reported, YYYY-MM' })
  @Matches(MONTH, { message: MONTH_MESSAGE })
  from!: string;

  @ApiProperty({
    example: '2026-09',
    description: 'Last month N reported, YYYY-MM (at most 36 months after from)',
  })
  @Matches(MONTH, { message: MONTH_MESSAGE })
  to!: string;
}

export class LostVehiclesQueryDto extends WindowQueryDto {
  @ApiPropertyOptional({
    example: '2026-09-30T12:00:00+08:00',
    description: 'As-of instant; defaults to now',
  })
  @IsOptional()
  @IsISO8601(ISO)
  asOf?: string;
}

export class MaintenanceDueQueryDto {
  @ApiProperty({ example: 'd-sh-01' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  dealerId!: string;

  @ApiPropertyOptional({
    example: '2026-09-30T12:00:00+08:00',
    description: 'As-of instant; defaults to now',
  })
  @IsOptional()
  @IsISO8601(ISO)
  asOf?: string;

  @ApiPropertyOptional({
    example: 6,
    default: 6,
    minimum: 1,
    maximum: 24,
    description: 'Months after the last service',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24)
  months?: number;

  @ApiPropertyOptional({
    example: 7500,
    default: 7500,
    minimum: 500,
    maximum: 100_000,
    description: 'Km after the last service',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(500)
  @Max(100_000)
  km?: number;
}

export type CallbackState = 'due' | 'overdue' | 'completed';
export const CALLBACK_STATES: readonly CallbackState[] = ['due', 'overdue', 'completed'];

export class CallbacksQueryDto {
  @ApiProperty({ example: 'd-sh-01' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  dealerId!: string;

  @ApiPropertyOptional({ enum: CALLBACK_STATES, example: 'overdue' })
  @IsOptional()
  @IsIn(CALLBACK_STATES)
  state?: CallbackState;

  @ApiPropertyOptional({
    example: '2026-03-06T09:00:00+08:00',
    description: 'As-of instant; defaults to now',
  })
  @IsOptional()
  @IsISO8601(ISO)
  asOf?: string;
}
