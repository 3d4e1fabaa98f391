import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  NotEquals,
} from 'class-validator';
import { BusinessTimeDto } from '../../infrastructure/http/shared/command.dto';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../shared/record-id';

const MAX_POINTS = 100_000_000;

export class EnrollMemberDto extends BusinessTimeDto {
  @ApiProperty({ example: 'cu-20931', description: 'One membership per customer; also the membership id.' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  customerId!: string;

  @ApiProperty({ example: 'SH01-000457', description: 'The club card number printed on the card.' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  cardNumber!: string;

  @ApiProperty({ example: 'd-sh-01', description: 'The dealer that carries the points liability.' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  homeDealerId!: string;
}

export class RedeemPointsDto extends BusinessTimeDto {
  @ApiProperty({
    example: 'rd-2026-0031',
    description: 'Chosen by the caller; a second redemption with it is refused.',
  })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  redemptionId!: string;

  @ApiProperty({ example: 800, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_POINTS)
  points!: number;

  @ApiProperty({ example: 'Brand umbrella' })
  @IsString()
  @Length(1, 200)
  gift!: string;
}

export class BuyVoucherDto extends BusinessTimeDto {
  @ApiProperty({ example: 'VCH-8F3K2', description: 'Unique within the membership.' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  voucherCode!: string;

  @ApiProperty({ example: 1_000, minimum: 1, description: 'Points the voucher costs.' })
  @IsInt()
  @Min(1)
  @Max(MAX_POINTS)
  points!: number;

  @ApiProperty({ example: 10_000, minimum: 1, description: 'Face value in fen (10,000 = 100 RMB).' })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  valueFen!: number;

  @ApiPropertyOptional({
    example: '2026-09-30T23:59:59+08:00',
    description: "Defaults to the rule set's voucher validity (6 months) from issue.",
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  expiresAt?: string;
}

export class RedeemVoucherDto extends BusinessTimeDto {
  @ApiProperty({ example: 'ro-55310', description: 'The repair order the voucher pays towards.' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  repairOrderId!: string;

  @ApiProperty({ example: 'd-sh-01' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  dealerId!: string;
}

export class AdjustPointsDto extends BusinessTimeDto {
  @ApiProperty({ example: 'adj-2026-0007' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  adjustmentId!: string;

  @ApiProperty({
    example: 200,
    description: 'Positive credits a new lot; negative debits soonest-expiring first.',
  })
  @IsInt()
  @NotEquals(0)
  @Min(-MAX_POINTS)
  @Max(MAX_POINTS)
  delta!: number;

  @ApiProperty({ example: 'Visit of 3 March settled at another dealer of the group' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class CancelMembershipDto extends BusinessTimeDto {
  @ApiProperty({ example: 'Customer sold the car and asked to leave the club' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
