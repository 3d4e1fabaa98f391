import { IsOptional, Matches } from 'class-validator';
import { RECORD_ID } from '../../../application/shared/record-id';
import { PageParams } from '../shared/page.params';

export class ListFleetOrdersParams extends PageParams {
  /** @example fa-shentong */
  @IsOptional() @Matches(RECORD_ID) accountId?: string;
  /** The dealer (a dealer's own roles: theirs, filled in). @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID) dealerId?: string;
  /** The order's consultant (a sales consultant: themselves, filled in). @example sc-wang */
  @IsOptional() @Matches(RECORD_ID) consultantId?: string;
}
