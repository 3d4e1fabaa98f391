import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsISO8601,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_LEVELS,
  COMPLAINT_SEVERITIES,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintLevel,
  type ComplaintSeverity,
} from '../../domain/complaint/complaint.types';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../shared/record-id';

export class ComplaintCustomerDto {
  @ApiProperty({ example: 'cu-20931' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  customerId!: string;

  @ApiProperty({ example: '王芳' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: '13812345678', description: 'Mobile number, digits with an optional leading +' })
  @Matches(/^\+?\d{6,20}$/, { message: '$property must be 6 to 20 digits, with an optional leading +' })
  phone!: string;
}

export class BusinessTimeDto {
  @ApiPropertyOptional({
    example: '2026-03-02T09:00:00+08:00',
    description:
      'When it happened in the business (ISO 8601 with offset). Defaults to now; integrators send it when they sync past facts.',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt?: string;
}

export class FileComplaintDto extends BusinessTimeDto {
  @ApiPropertyOptional({
    example: 'c-2026-000142',
    description: 'Client-chosen id. Omitted: derived from the Idempotency-Key if sent, otherwise generated.',
  })
  @IsOptional()
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  complaintId?: string;

  @ApiProperty({ example: 'd-sh-01' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  dealerId!: string;

  @ApiProperty({ enum: COMPLAINT_CHANNELS, example: 'hotline' })
  @IsIn(COMPLAINT_CHANNELS)
  channel!: ComplaintChannel;

  @ApiProperty({ enum: COMPLAINT_CATEGORIES, example: 'service' })
  @IsIn(COMPLAINT_CATEGORIES)
  category!: ComplaintCategory;

  @ApiProperty({ enum: COMPLAINT_SEVERITIES, example: 'general' })
  @IsIn(COMPLAINT_SEVERITIES)
  severity!: ComplaintSeverity;

  @ApiPropertyOptional({
    enum: COMPLAINT_LEVELS,
    example: 'L1',
    description: 'Defaults to L1 (dealer level).',
  })
  @IsOptional()
  @IsIn(COMPLAINT_LEVELS)
  level?: ComplaintLevel;

  @ApiProperty({ type: ComplaintCustomerDto })
  @IsDefined()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => ComplaintCustomerDto)
  customer!: ComplaintCustomerDto;

  @ApiPropertyOptional({ example: 'vs-88121' })
  @IsOptional()
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  relatedSaleId?: string;

  @ApiPropertyOptional({ example: 'ro-55310' })
  @IsOptional()
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  relatedRepairOrderId?: string;

  @ApiProperty({ example: 'Brake noise came back two days after the repair' })
  @IsString()
  @Length(1, 4000)
  description!: string;

  @ApiProperty({ example: 'Free re-repair and a courtesy car' })
  @IsString()
  @Length(1, 1000)
  remedySought!: string;
}

export class AcknowledgeComplaintDto extends BusinessTimeDto {
  @ApiPropertyOptional({ example: 'Called the customer back, visit booked for tomorrow' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class CommandResultDto {
  @ApiProperty({ example: 'c-2026-000142' }) id!: string;
  @ApiProperty({ example: 'complaint-c-2026-000142' }) streamId!: string;
  @ApiProperty({ example: 0, description: 'Stream revision after the command; also the ETag.' })
  revision!: number;
  @ApiProperty({ example: 17, nullable: true, description: 'Global position of the last event written.' })
  position!: number | null;
  @ApiProperty({ example: [{ eventId: '4c1f…', type: 'ComplaintFiled', revision: 0 }] })
  events!: Array<{ eventId: string; type: string; revision: number }>;
  @ApiProperty({
    example: false,
    description: 'True when an Idempotency-Key retry returned the first outcome.',
  })
  replayed!: boolean;
}
