import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  FOLLOW_UP_CHANNELS,
  FOLLOW_UP_OUTCOMES,
  type FollowUpChannel,
  type FollowUpOutcome,
  LOST_REASONS,
  type LostReason,
  OPEN_GRADES,
  type OpenGrade,
  PROSPECT_CHANNELS,
  type ProspectChannel,
} from '../../domain/prospect/prospect.types';
import { PAYMENT_METHODS, type PaymentMethod } from '../../domain/vehicle-sale/vehicle-sale.types';
import { BusinessTimeDto } from '../../infrastructure/http/shared/command.dto';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../shared/record-id';

const ISO = { strict: true, strictSeparator: true } as const;
/** Up to a billion RMB in fen: integers only, so money never drifts. */
const MAX_FEN = 100_000_000_000;

export class ProspectContactDto {
  @ApiPropertyOptional({
    example: 'cu-30211',
    description: 'The customer id, if the person is known; otherwise one is assigned.',
  })
  @IsOptional()
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  customerId?: string;

  @ApiProperty({ example: '张伟' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({
    example: '13800000001',
    description: 'Digits, spaces, dashes, optional leading +; +86 is ignored',
  })
  @Matches(/^\+?[\d -]{6,24}$/, {
    message: '$property must be 6 to 24 digits, spaces or dashes, with an optional leading +',
  })
  phone!: string;
}

export class RegisterProspectDto extends BusinessTimeDto {
  @ApiPropertyOptional({
    example: 'p-2026-000318',
    description: 'Client-chosen id. Omitted: derived from the Idempotency-Key if sent, otherwise generated.',
  })
  @IsOptional()
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  prospectId?: string;

  @ApiProperty({ example: 'd-sh-01' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  dealerId!: string;

  @ApiProperty({ example: 'sc-li' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  consultantId!: string;

  @ApiProperty({ enum: PROSPECT_CHANNELS, example: 'walk-in' })
  @IsIn(PROSPECT_CHANNELS)
  channel!: ProspectChannel;

  @ApiProperty({ type: ProspectContactDto })
  @IsDefined()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => ProspectContactDto)
  contact!: ProspectContactDto;

  @ApiProperty({ example: 'Lavida' })
  @IsString()
  @Length(1, 100)
  modelOfInterest!: string;

  @ApiPropertyOptional({ example: 15_000_000, description: 'Budget in fen (1/100 RMB)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  budgetFen?: number;

  @ApiPropertyOptional({ example: '2026-03-20', description: 'Expected purchase by, YYYY-MM-DD' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: '$property must be a date as YYYY-MM-DD',
  })
  expectedPurchaseBy?: string;

  @ApiPropertyOptional({ example: 'cmp-spring-2026' })
  @IsOptional()
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  campaignId?: string;

  @ApiProperty({ enum: OPEN_GRADES, example: 'A', description: 'H within 7 days, A 14, B 21, C 90' })
  @IsIn(OPEN_GRADES)
  grade!: OpenGrade;
}

export class GradeProspectDto extends BusinessTimeDto {
  @ApiProperty({
    enum: [...OPEN_GRADES, 'F'],
    example: 'H',
    description: 'F (lost) needs lostReason; O comes with an order',
  })
  @IsIn([...OPEN_GRADES, 'F'])
  grade!: OpenGrade | 'F';

  @ApiPropertyOptional({ enum: LOST_REASONS, example: 'price' })
  @IsOptional()
  @IsIn(LOST_REASONS)
  lostReason?: LostReason;

  @ApiPropertyOptional({ example: 'Test drive went well, wants delivery before the holiday' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class ScheduleFollowUpDto extends BusinessTimeDto {
  @ApiProperty({ example: '2026-03-05T10:00:00+08:00' })
  @IsISO8601(ISO)
  dueAt!: string;

  @ApiPropertyOptional({ example: 'Call after the family discussed the budget' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class RecordFollowUpDto extends BusinessTimeDto {
  @ApiProperty({ enum: FOLLOW_UP_CHANNELS, example: 'phone' })
  @IsIn(FOLLOW_UP_CHANNELS)
  channel!: FollowUpChannel;

  @ApiProperty({ enum: FOLLOW_UP_OUTCOMES, example: 'visit-booked' })
  @IsIn(FOLLOW_UP_OUTCOMES)
  outcome!: FollowUpOutcome;

  @ApiPropertyOptional({ example: 'Comes on Saturday with his wife' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;

  @ApiPropertyOptional({ example: '2026-03-07T10:00:00+08:00', description: 'The next contact planned' })
  @IsOptional()
  @IsISO8601(ISO)
  nextContactAt?: string;
}

export class RecordNeedsAnalysisDto extends BusinessTimeDto {
  @ApiProperty({ example: 'Family of four, city commute, wants an automatic under 150k' })
  @IsString()
  @Length(1, 4000)
  summary!: string;
}

export class PresentVehicleDto extends BusinessTimeDto {
  @ApiProperty({ example: 'Lavida' })
  @IsString()
  @Length(1, 100)
  model!: string;
}

export class BookTestDriveDto extends PresentVehicleDto {
  @ApiProperty({ example: '2026-03-07T14:00:00+08:00' })
  @IsISO8601(ISO)
  scheduledFor!: string;
}

export class CompleteTestDriveDto extends BusinessTimeDto {
  @ApiPropertyOptional({ example: 'Lavida', description: 'Defaults to the model of interest' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  model?: string;
}

export class IssueQuoteDto extends PresentVehicleDto {
  @ApiProperty({ example: 15_000_000, description: 'List price in fen' })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  listPriceFen!: number;

  @ApiProperty({ example: 800_000, description: 'Discount in fen' })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  discountFen!: number;

  @ApiProperty({ enum: PAYMENT_METHODS, example: 'loan' })
  @IsIn(PAYMENT_METHODS)
  financeOption!: PaymentMethod;
}

/** Personal data, encrypted with the customer's key when stored; only some roles see the ID number. */
export class BuyerDetailsDto {
  @ApiPropertyOptional({ example: '310101199001011234', description: 'Resident ID (or passport) number' })
  @IsOptional()
  @Matches(/^[0-9A-Za-z-]{5,40}$/, { message: 'must be 5 to 40 letters, digits or dashes' })
  idNumber?: string;

  @ApiPropertyOptional({ example: '上海市徐汇区漕溪北路 88 号' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  address?: string;
}

export class OrderProspectDto extends PresentVehicleDto {
  @ApiPropertyOptional({ type: BuyerDetailsDto, description: 'For the invoice and the vehicle registration' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BuyerDetailsDto)
  buyer?: BuyerDetailsDto;

  @ApiProperty({ example: 15_000_000, description: 'List price in fen' })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  listPriceFen!: number;

  @ApiProperty({ example: 800_000, description: 'Discount in fen' })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  discountFen!: number;

  @ApiProperty({ enum: PAYMENT_METHODS, example: 'loan' })
  @IsIn(PAYMENT_METHODS)
  payment!: PaymentMethod;

  @ApiProperty({ example: '2026-03-15T18:00:00+08:00', description: 'Delivery promised to the customer' })
  @IsISO8601(ISO)
  promisedDeliveryAt!: string;
}

export class ReassignProspectDto extends BusinessTimeDto {
  @ApiProperty({ example: 'sc-wu' })
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE })
  consultantId!: string;

  @ApiProperty({ example: 'sc-li left the dealership' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class ReactivateProspectDto extends BusinessTimeDto {
  @ApiProperty({ enum: OPEN_GRADES, example: 'B' })
  @IsIn(OPEN_GRADES)
  grade!: OpenGrade;

  @ApiProperty({ example: 'Called back: the competitor could not deliver before May' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}
