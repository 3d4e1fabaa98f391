import {
  CARE_CONSENT_EVENT_TYPES,
  type CareConsentEvent,
  careConsentDecider,
  type CareConsentState,
  careConsentStreamId,
  type RecordCareMessageConsent,
} from '../../domain/care-consent/care-consent';
import type { Feature } from '../shared/feature';

/** A customer's consent to care messages per channel (`careconsent-<customerId>`, docs/care.md). */
export const careConsentFeature: Feature<CareConsentState, RecordCareMessageConsent, CareConsentEvent> = {
  name: 'care-consent',
  category: 'careconsent',
  decider: careConsentDecider,
  streamOf: ({ customerId }) => careConsentStreamId(customerId),
  eventTypes: CARE_CONSENT_EVENT_TYPES,
  // The desk records what the customer told it, in its own dealer's name.
  scope: (_state, command) => ({ dealerId: command.data.dealerId }),
};
