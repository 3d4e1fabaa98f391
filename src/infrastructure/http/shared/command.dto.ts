/** Legacy DTOs, until every route uses command.bodies.ts and command.responses.ts. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/** Every command body may say when the fact happened in the business. */
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

/** What every command answers. */
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

/** A command that needs nothing but its target and, optionally, its business time. */
export class EmptyCommandDto extends BusinessTimeDto {}
