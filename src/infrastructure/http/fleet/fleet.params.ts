import { IsISO8601, IsOptional, Matches, ValidateBy } from 'class-validator';
import { BUSINESS_MONTH, BUSINESS_MONTH_MESSAGE, RECORD_ID } from '../../../application/shared/record-id';
import { PageParams } from '../shared/page.params';

export class ListFleetAccountsParams extends PageParams {
  /** The dealer (a dealer's own roles: theirs, filled in). @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID) dealerId?: string;
  /** The account manager (a sales consultant: themselves, filled in). @example sc-wang */
  @IsOptional() @Matches(RECORD_ID) consultantId?: string;
}

/** `month` and `asOf` say the same thing two ways: one of them, not both. */
const NotWithAsOf = () =>
  ValidateBy({
    name: 'notWithAsOf',
    validator: {
      validate: (_month, args) => (args?.object as { asOf?: unknown }).asOf === undefined,
      defaultMessage: () => 'month and asOf exclude each other: give one of them',
    },
  });

export class FleetKpisParams {
  /** The instant the figures are as of; default now. @example 2026-03-31T23:59:59+08:00 */
  @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) asOf?: string;
  /** A business month (CST): the figures at its end, repair orders settled in it. Not with `asOf`. @example 2026-03 */
  @IsOptional() @Matches(BUSINESS_MONTH, { message: BUSINESS_MONTH_MESSAGE }) @NotWithAsOf() month?: string;
}
