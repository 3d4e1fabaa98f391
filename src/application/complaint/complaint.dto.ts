import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
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
import { BusinessTimeDto } from '../../infrastructure/http/shared/command.dto';
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
