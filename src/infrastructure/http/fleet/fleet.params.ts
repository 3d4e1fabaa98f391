import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { RECORD_ID } from '../../../application/shared/record-id';
import { PageParams } from '../shared/page.params';

export class ListFleetAccountsParams extends PageParams {
  /** The dealer (a dealer's own roles: theirs, filled in). @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID) dealerId?: string;
  /** The account manager (a sales consultant: themselves, filled in). @example sc-wang */
  @IsOptional() @Matches(RECORD_ID) consultantId?: string;
}

export class FleetKpisParams {
  /** The instant the figures are as of; default now. @example 2026-03-31T23:59:59+08:00 */
  @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) asOf?: string;
}
