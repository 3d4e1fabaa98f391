import { IsISO8601, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import type { AccessAuditFilter } from '../../../application/privacy/access-audit.query';
import type { CustomerLookupRequest } from '../../../application/privacy/customer-lookup.query';
import { VIN } from '../shared/vin';
import { PageParams } from '../shared/page.params';
import type { FieldError } from '../shared/problem-details';
import { ONE_LINE, ONE_LINE_MESSAGE } from '../shared/text-rules';

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

/** The keys a lookup goes by: exactly one of them (`lookupKeyErrors`). */
const LOOKUP_KEYS = ['phone', 'plate', 'vin'] as const;

export class CustomerLookupParams implements CustomerLookupRequest {
  /** The caller's number as the exchange sends it; spaces, dashes and +86 are ignored. @example "+86 138 0000 0001" */
  @IsOptional()
  @Matches(/^\+?[\d -]{6,24}$/, {
    message: '$property must be 6 to 24 digits, spaces or dashes, with an optional leading +',
  })
  phone?: string;
  /** A licence plate; spaces, dots and dashes are ignored, letters in either case. @example 沪A00001 */
  @IsOptional() @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(2, 16) plate?: string;
  /** @example LSVAB4BR5MN000001 */
  @IsOptional() @Matches(VIN, { message: '$property must be a 17-character VIN' }) vin?: string;
}

/** Exactly one key: none, or two, is a 400 naming the key that is missing or one too many. */
export const lookupKeyErrors = (params: CustomerLookupParams): FieldError[] => {
  const given = LOOKUP_KEYS.filter((key) => params[key] !== undefined);
  if (given.length === 1) return [];
  if (given.length === 0)
    return [{ field: 'phone', reason: 'give exactly one of phone, plate or vin to look a customer up by' }];
  return given.slice(1).map((key) => ({
    field: key,
    reason: `give exactly one of phone, plate or vin: ${given[0]} is given already`,
  }));
};
