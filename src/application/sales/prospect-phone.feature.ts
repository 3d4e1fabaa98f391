import {
  type ClaimProspectPhone,
  PROSPECT_PHONE_EVENT_TYPES,
  type PhoneIndexState,
  prospectPhoneDecider,
  type ProspectPhoneClaimed,
  prospectPhoneStreamId,
} from '../../domain/prospect/prospect-phone-index';
import type { Feature } from '../shared/feature';

/** The (dealer, phone) index a registration claims, so one phone makes one prospect per dealer. */
export const prospectPhoneFeature: Feature<PhoneIndexState, ClaimProspectPhone, ProspectPhoneClaimed> = {
  name: 'prospect-phone',
  category: 'prospectphone',
  decider: prospectPhoneDecider,
  streamOf: ({ dealerId, phoneHash }) => prospectPhoneStreamId(dealerId, phoneHash),
  eventTypes: PROSPECT_PHONE_EVENT_TYPES,
  scope: (_state, command) => ({ dealerId: command.data.dealerId }),
};
