import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../shared/page';
import { RECORD_ID } from '../shared/record-id';

const ISO = { strict: true, strictSeparator: true } as const;

export class AsOfQueryDto {
  @ApiPropertyOptional({
    example: '2026-06-30T23:59:59+08:00',
    description: 'Figures as of this time; default now.',
  })
  @IsOptional()
  @IsISO8601(ISO)
  asOf?: string;
}

export class DealerAsOfQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ example: 'd-sh-01', description: "The members' home dealer." })
  @IsOptional()
  @Matches(RECORD_ID)
  dealerId?: string;
}

export class DealerQueryDto {
  @ApiPropertyOptional({ example: 'd-sh-01', description: "The members' home dealer." })
  @IsOptional()
  @Matches(RECORD_ID)
  dealerId?: string;
}

export class ActivityQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'd-sh-01' })
  @IsOptional()
  @Matches(RECORD_ID)
  dealerId?: string;

  @ApiPropertyOptional({ example: 90, default: 90, description: 'At risk: lapse due within this many days.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_660)
  withinDays?: number;

  @ApiPropertyOptional({ example: '2026-06-30T23:59:59+08:00' })
  @IsOptional()
  @IsISO8601(ISO)
  asOf?: string;
}

export class EarnRatesDto {
  @ApiProperty({ example: 1, description: 'Points per RMB, at most two decimals.' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  silver!: number;

  @ApiProperty({ example: 1.5 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  gold!: number;

  @ApiProperty({ example: 2 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  platinum!: number;
}

export class TierThresholdsDto {
  @ApiProperty({ example: 10_000 })
  @IsInt()
  @Min(1)
  gold!: number;

  @ApiProperty({ example: 30_000 })
  @IsInt()
  @Min(1)
  platinum!: number;
}

export class ProposedRulesDto {
  @ApiProperty({ type: EarnRatesDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => EarnRatesDto)
  earnRatePerRmb!: EarnRatesDto;

  @ApiProperty({ example: 1_500 })
  @IsInt()
  @Min(0)
  purchaseBonus!: number;

  @ApiProperty({ type: TierThresholdsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => TierThresholdsDto)
  tierThresholds!: TierThresholdsDto;

  @ApiProperty({ example: 12, description: 'A lot expires this many calendar months after it is earned.' })
  @IsInt()
  @Min(1)
  @Max(240)
  lotExpiryMonths!: number;

  @ApiProperty({ example: 18 })
  @IsInt()
  @Min(1)
  @Max(240)
  lapseMonths!: number;

  @ApiPropertyOptional({ example: 6, default: 6 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  voucherValidityMonths?: number;
}

export class SimulationDto {
  @ApiProperty({ example: '2026-01-01T00:00:00+08:00', description: 'Start of the period (inclusive).' })
  @IsISO8601(ISO)
  from!: string;

  @ApiProperty({ example: '2026-07-01T00:00:00+08:00', description: 'End of the period (exclusive).' })
  @IsISO8601(ISO)
  to!: string;

  @ApiProperty({ type: ProposedRulesDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ProposedRulesDto)
  rules!: ProposedRulesDto;
}
