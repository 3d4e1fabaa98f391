import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import type { AccessAuditFilter } from '../../../application/privacy/access-audit.query';
import { PageParams } from '../shared/page.params';

export class AccessAuditParams extends PageParams implements AccessAuditFilter {
  /** @example cu-1001 */
  @IsOptional() @IsString() @MaxLength(100) customerId?: string;
  /** @example sc-li */
  @IsOptional() @IsString() @MaxLength(100) actorId?: string;
  /** From this instant (inclusive). @example 2026-03-01T00:00:00+08:00 */
  @IsOptional() @IsISO8601({ strict: true }) from?: string;
  /** Until this instant (exclusive). @example 2026-04-01T00:00:00+08:00 */
  @IsOptional() @IsISO8601({ strict: true }) to?: string;
}
