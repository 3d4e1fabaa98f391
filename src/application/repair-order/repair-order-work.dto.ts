import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmptyObject,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  REPAIR_ORDER_PAYERS,
  REPAIR_ORDER_TYPES,
  type RepairOrderPayer,
  type RepairOrderType,
} from '../../domain/repair-order/repair-order.types';
import { BusinessTimeDto } from '../../infrastructure/http/shared/command.dto';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../shared/record-id';

const NEVER_NEGATIVE = 'Never negative: a negative figure is refused with 422 REPAIR_ORDER_NEGATIVE_AMOUNT.';

export class MarkAsReworkDto extends BusinessTimeDto {
  @ApiProperty({ example: 'Same brake noise as after last week’s repair' })
  @IsString()
  @Length(1, 1000)
  reason!: string;

  @ApiPropertyOptional({ example: 'ro-2026-000288', description: 'The repair order being redone, if known' })
  @IsOptional()
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  previousRepairOrderId?: string;
}

export class ClockedWorkDto {
  @ApiProperty({ example: 'BRK-PAD-F' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  operationCode!: string;

  @ApiProperty({ example: 't-li' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  technicianId!: string;

  @ApiProperty({ example: 1.5, description: `Clocked hours, two decimals at most. ${NEVER_NEGATIVE}` })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  actualHours!: number;
}

export class CompleteWorkDto extends BusinessTimeDto {
  @ApiProperty({
    type: [ClockedWorkDto],
    example: [{ operationCode: 'BRK-PAD-F', technicianId: 't-li', actualHours: 1.5 }],
  })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ClockedWorkDto)
  clocked!: ClockedWorkDto[];
}

export class RecordInspectionDto extends BusinessTimeDto {
  @ApiProperty({ example: true, description: 'False sends the repair order back to repair' })
  @IsBoolean()
  passed!: boolean;

  @ApiProperty({ example: 'u-qc-1' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  inspectorId!: string;

  @ApiPropertyOptional({ example: 'Pads still squeal at low speed' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  findings?: string;
}

export class SettleRepairOrderDto extends BusinessTimeDto {
  @ApiProperty({ enum: REPAIR_ORDER_TYPES, example: 'paid-repair' })
  @IsIn(REPAIR_ORDER_TYPES)
  roType!: RepairOrderType;

  @ApiProperty({ enum: REPAIR_ORDER_PAYERS, example: 'customer' })
  @IsIn(REPAIR_ORDER_PAYERS)
  payer!: RepairOrderPayer;

  @ApiProperty({ example: 34_000, description: `Labour amount in fen. ${NEVER_NEGATIVE}` })
  @IsInt()
  labourFen!: number;

  @ApiProperty({ example: 48_000, description: `Parts amount in fen. ${NEVER_NEGATIVE}` })
  @IsInt()
  partsFen!: number;
}

export class CancelRepairOrderDto extends BusinessTimeDto {
  @ApiProperty({ example: 'Customer declined the estimate' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class CsiAnswersDto {
  @ApiProperty({ example: 9, minimum: 1, maximum: 10, description: 'Service quality (weight 22)' })
  @IsInt()
  'service-quality'!: number;

  @ApiProperty({ example: 8, minimum: 1, maximum: 10, description: 'Service facility (weight 20)' })
  @IsInt()
  'service-facility'!: number;

  @ApiProperty({ example: 10, minimum: 1, maximum: 10, description: 'Vehicle pick-up (weight 20)' })
  @IsInt()
  'vehicle-pick-up'!: number;

  @ApiProperty({ example: 7, minimum: 1, maximum: 10, description: 'Service initiation (weight 19)' })
  @IsInt()
  'service-initiation'!: number;

  @ApiProperty({ example: 9, minimum: 1, maximum: 10, description: 'Service advisor (weight 19)' })
  @IsInt()
  'service-advisor'!: number;
}

export class RecordCsiSurveyDto extends BusinessTimeDto {
  @ApiProperty({
    type: CsiAnswersDto,
    description: 'Each CSI factor answered 1–10; outside that is a 422',
    example: {
      'service-quality': 9,
      'service-facility': 8,
      'vehicle-pick-up': 10,
      'service-initiation': 7,
      'service-advisor': 9,
    },
  })
  @IsDefined()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => CsiAnswersDto)
  answers!: CsiAnswersDto;

  @ApiProperty({
    example: 9,
    minimum: 0,
    maximum: 10,
    description: '"Would you recommend us?" 0–10, for the NPS',
  })
  @IsInt()
  wouldRecommend!: number;

  @ApiPropertyOptional({ example: 'Quick and friendly' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  comment?: string;
}
