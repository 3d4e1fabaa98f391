import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { BusinessTimeDto } from '../../infrastructure/http/shared/command.dto';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../shared/record-id';

/** ISO 3779: 17 characters, no I, O or Q. */
export const VIN = /^[A-HJ-NPR-Z0-9]{17}$/;
const VIN_MESSAGE = '$property must be a 17-character VIN (digits and capitals, no I, O or Q)';
const HOURS = { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false };
const NEVER_NEGATIVE = 'Never negative: a negative figure is refused with 422 REPAIR_ORDER_NEGATIVE_AMOUNT.';

class VehicleFieldsDto extends BusinessTimeDto {
  @ApiProperty({ example: 'd-sh-01' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  dealerId!: string;

  @ApiProperty({ example: 'LSVAB4BR5MN000001' })
  @Matches(VIN, { message: VIN_MESSAGE })
  vin!: string;

  @ApiProperty({ example: '沪A12345' })
  @IsString()
  @Length(1, 16)
  plate!: string;

  @ApiProperty({ example: 'cu-20931' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  customerId!: string;
}

export class BookAppointmentDto extends VehicleFieldsDto {
  @ApiPropertyOptional({
    example: 'ro-2026-000311',
    description:
      'The repair order the appointment opens. Omitted: derived from the Idempotency-Key if sent, otherwise generated.',
  })
  @IsOptional()
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  repairOrderId?: string;

  @ApiProperty({
    example: '2026-03-05T09:30:00+08:00',
    description: 'When the customer will bring the vehicle',
  })
  @IsISO8601({ strict: true, strictSeparator: true })
  requestedFor!: string;

  @ApiPropertyOptional({ example: 'u-sa-3' })
  @IsOptional()
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  serviceAdvisorId?: string;

  @ApiPropertyOptional({ example: '10,000 km service' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;
}

export class CheckInVehicleDto extends VehicleFieldsDto {
  @ApiProperty({ example: 12_480, description: `Odometer at check-in, km. ${NEVER_NEGATIVE}` })
  @IsInt()
  mileageKm!: number;

  @ApiProperty({
    example: 'Squeal from the front brakes when stopping',
    description: "The customer's own words",
  })
  @IsString()
  @Length(1, 4000)
  customerDescription!: string;

  @ApiProperty({ example: 'u-sa-3' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  serviceAdvisorId!: string;
}

export class OpenRepairOrderDto extends CheckInVehicleDto {
  @ApiPropertyOptional({
    example: 'ro-2026-000312',
    description: 'Client-chosen id. Omitted: derived from the Idempotency-Key if sent, otherwise generated.',
  })
  @IsOptional()
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  repairOrderId?: string;
}

export class RecordDiagnosisDto extends BusinessTimeDto {
  @ApiProperty({ example: 'Front pads worn to 2 mm; discs within tolerance' })
  @IsString()
  @Length(1, 4000)
  diagnosis!: string;
}

export class LabourOperationDto {
  @ApiProperty({ example: 'BRK-PAD-F', description: 'Labour operation code of the carmaker' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  operationCode!: string;

  @ApiProperty({ example: 'Replace front brake pads' })
  @IsString()
  @Length(1, 200)
  description!: string;

  @ApiProperty({
    example: 1.2,
    description: `Standard (billed) hours, two decimals at most. ${NEVER_NEGATIVE}`,
  })
  @IsNumber(HOURS)
  standardHours!: number;
}

export class PartLineDto {
  @ApiProperty({ example: 'BP-220' })
  @IsString()
  @Length(1, 40)
  partNumber!: string;

  @ApiProperty({ example: 1, description: `Two decimals at most (oil in litres). ${NEVER_NEGATIVE}` })
  @IsNumber(HOURS)
  quantity!: number;

  @ApiProperty({ example: 48_000, description: `Unit price in fen (1/100 RMB). ${NEVER_NEGATIVE}` })
  @IsInt()
  unitPriceFen!: number;
}

export class AuthoriseWorkOrderDto extends BusinessTimeDto {
  @ApiProperty({
    type: [LabourOperationDto],
    example: [{ operationCode: 'BRK-PAD-F', description: 'Replace front brake pads', standardHours: 1.2 }],
  })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => LabourOperationDto)
  labour!: LabourOperationDto[];

  @ApiProperty({
    type: [PartLineDto],
    example: [{ partNumber: 'BP-220', quantity: 1, unitPriceFen: 48_000 }],
  })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PartLineDto)
  parts!: PartLineDto[];

  @ApiProperty({
    example: 66_000,
    description: `The estimate the customer authorised, in fen. ${NEVER_NEGATIVE}`,
  })
  @IsInt()
  estimateFen!: number;
}
