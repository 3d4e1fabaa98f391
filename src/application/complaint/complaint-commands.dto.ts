import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import {
  COMPLAINT_LEVELS,
  CONTACT_CHANNELS,
  type ComplaintLevel,
  type ContactChannel,
  SATISFACTIONS,
  type Satisfaction,
} from '../../domain/complaint/complaint.types';
import { BusinessTimeDto } from '../../infrastructure/http/shared/command.dto';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../shared/record-id';

export class AssignComplaintDto extends BusinessTimeDto {
  @ApiPropertyOptional({ example: 'd-bj-02', description: 'Another dealer: a transfer.' })
  @IsOptional()
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  dealerId?: string;

  @ApiPropertyOptional({
    example: 'service',
    description: 'Product → product dept., service → service, staff → manager.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  department?: string;

  @ApiPropertyOptional({ example: 'u-sa-14' })
  @IsOptional()
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  assigneeId?: string;

  @ApiPropertyOptional({ example: 'Vehicle was serviced at the Beijing dealer' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;
}

export class RecordContactDto extends BusinessTimeDto {
  @ApiProperty({ enum: CONTACT_CHANNELS, example: 'phone' })
  @IsIn(CONTACT_CHANNELS)
  channel!: ContactChannel;

  @ApiProperty({ example: 'Explained the inspection plan; customer wants a courtesy car' })
  @IsString()
  @Length(1, 2000)
  summary!: string;
}

export class InvestigationNoteDto extends BusinessTimeDto {
  @ApiProperty({ example: 'Brake pads fitted on ro-77 were the wrong part number' })
  @IsString()
  @Length(1, 4000)
  note!: string;
}

export class ProposeResolutionDto extends BusinessTimeDto {
  @ApiProperty({ example: 'Free re-repair with the right pads and a courtesy car for the day' })
  @IsString()
  @Length(1, 1000)
  remedyOffered!: string;
}

export class ResolutionResponseDto extends BusinessTimeDto {
  @ApiProperty({ example: true, description: 'Whether the customer accepts the proposed remedy.' })
  @IsBoolean()
  accepted!: boolean;

  @ApiPropertyOptional({ example: 'Accepted on the phone' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  comment?: string;
}

export class CallbackDto extends BusinessTimeDto {
  @ApiProperty({ example: true, description: 'False when the customer could not be reached.' })
  @IsBoolean()
  reached!: boolean;

  @ApiPropertyOptional({ enum: SATISFACTIONS, example: 'satisfied' })
  @IsOptional()
  @IsIn(SATISFACTIONS)
  satisfaction?: Satisfaction;

  @ApiPropertyOptional({ example: 'Noise gone, happy with the courtesy car' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class ReasonDto extends BusinessTimeDto {
  @ApiProperty({ example: 'The noise is back after a week' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class EscalateComplaintDto extends ReasonDto {
  @ApiPropertyOptional({
    enum: COMPLAINT_LEVELS,
    example: 'L2',
    description: 'Defaults to the next level up.',
  })
  @IsOptional()
  @IsIn(COMPLAINT_LEVELS)
  to?: ComplaintLevel;
}
