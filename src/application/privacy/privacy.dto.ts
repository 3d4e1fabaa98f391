import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../shared/page';

export class ForgetCustomerDto {
  @ApiProperty({ example: 'erasure request under PIPL art. 47', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @ApiProperty({ example: 'DSR-2026-0042', description: 'Your reference of the request (ticket, letter).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  requestReference!: string;
}

export class AccessAuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'cu-1001' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  customerId?: string;

  @ApiPropertyOptional({ example: 'sc-li' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actorId?: string;

  @ApiPropertyOptional({
    example: '2026-03-01T00:00:00+08:00',
    description: 'From this instant (inclusive).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-04-01T00:00:00+08:00',
    description: 'Until this instant (exclusive).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
