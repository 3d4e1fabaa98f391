import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject } from 'class-validator';

/** At most this many rows a request (and within the body limit); the CLI has no such bound. */
export const MAX_IMPORT_ROWS = 10_000;

/** The rows of an import, as the JSON lines of `crm import` would hold them, one object each. */
export class ImportRequestBody {
  /**
   * One object a fact, with its `type` (e.g. `complaint.FileComplaint`), the record's id and its business
   * time `occurredAt`, and the fields of the command's HTTP body (docs/import.md). Row n is reported as line n.
   * @example [{"type":"membership.EnrollMember","customerId":"cu-1","cardNumber":"C-1","homeDealerId":"d-sh-01","occurredAt":"2025-03-02T10:00:00+08:00"}]
   */
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_IMPORT_ROWS)
  @IsObject({ each: true })
  rows!: Record<string, unknown>[];
}
