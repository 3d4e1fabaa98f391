import { Matches } from 'class-validator';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../../../application/shared/record-id';

export class GiftCatalogueParams {
  /** The dealer whose catalogue is listed (a dealer's own roles: theirs). @example d-sh-01 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId!: string;
}
