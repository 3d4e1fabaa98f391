import {
  type CustomerForgottenEvent,
  DATA_SUBJECT_EVENT_TYPES,
  dataSubjectDecider,
  type DataSubjectState,
  dataSubjectStreamId,
  type ForgetCustomer,
} from '../../domain/privacy/privacy.events';
import type { Feature } from '../shared/feature';

/** The record that a person was forgotten (crypto-shredding, docs/privacy.md). */
export const dataSubjectFeature: Feature<DataSubjectState, ForgetCustomer, CustomerForgottenEvent> = {
  name: 'data-subject',
  category: 'datasubject',
  decider: dataSubjectDecider,
  streamOf: ({ customerId }) => dataSubjectStreamId(customerId),
  eventTypes: DATA_SUBJECT_EVENT_TYPES,
  // A person is no dealer's record: forgetting is the admin's, by the route's permission.
  scope: () => ({}),
};
