import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsInt,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { BusinessTimeDto } from '../../infrastructure/http/shared/command.dto';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../shared/record-id';

const answer = (example: number) =>
  ApiProperty({ example, minimum: 1, maximum: 10, description: 'Answer 1–10' });

export class PayDepositDto extends BusinessTimeDto {
  @ApiProperty({ example: 500_000, description: 'Deposit in fen' })
  @IsInt()
  @Min(1)
  @Max(100_000_000_000)
  amountFen!: number;
}

export class AllocateVehicleDto extends BusinessTimeDto {
  @ApiProperty({ example: 'LSVAA4182E2100001', description: '17-character VIN (no I, O or Q)' })
  @Matches(/^[A-HJ-NPR-Z0-9]{17}$/, { message: '$property must be a 17-character VIN without I, O or Q' })
  vin!: string;
}

export class InvoiceSaleDto extends BusinessTimeDto {
  @ApiProperty({ example: 'INV-2026-03-0042' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  invoiceNo!: string;
}

export class PassInspectionDto extends BusinessTimeDto {
  @ApiProperty({ example: 'qc-zhao' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  inspectorId!: string;
}

export class CancelOrderDto extends BusinessTimeDto {
  @ApiProperty({ example: 'Loan application refused' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class SsiAnswersDto {
  @answer(9) @IsInt() @Min(1) @Max(10) 'delivery-process'!: number;
  @answer(8) @IsInt() @Min(1) @Max(10) 'sales-initiation'!: number;
  @answer(8) @IsInt() @Min(1) @Max(10) deal!: number;
  @answer(9) @IsInt() @Min(1) @Max(10) 'dealer-facility'!: number;
  @answer(10) @IsInt() @Min(1) @Max(10) salesperson!: number;
}

export class SsiSurveyDto {
  @ApiProperty({ type: SsiAnswersDto, description: 'Every SSI factor, 1–10' })
  @IsDefined()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => SsiAnswersDto)
  answers!: SsiAnswersDto;

  @ApiProperty({ example: 9, minimum: 0, maximum: 10, description: 'Would you recommend us? 0–10' })
  @IsInt()
  @Min(0)
  @Max(10)
  wouldRecommend!: number;
}

export class DeliveryCallbackDto extends BusinessTimeDto {
  @ApiProperty({ example: true, description: 'Whether the call reached the customer' })
  @IsBoolean()
  reached!: boolean;

  @ApiPropertyOptional({ type: SsiSurveyDto, description: 'The SSI survey, if the customer answered it' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SsiSurveyDto)
  survey?: SsiSurveyDto;
}

export class LogWalkInGroupsDto extends BusinessTimeDto {
  @ApiProperty({ example: 'd-sh-01' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  dealerId!: string;

  @ApiProperty({ example: '2026-03-02', description: 'Business day (China Standard Time), YYYY-MM-DD' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: '$property must be a date as YYYY-MM-DD',
  })
  date!: string;

  @ApiProperty({ example: 6, minimum: 1, maximum: 1000, description: 'Walk-in groups (批次) in this log' })
  @IsInt()
  @Min(1)
  @Max(1000)
  groups!: number;

  @ApiPropertyOptional({ example: 'Morning shift tally' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;
}
