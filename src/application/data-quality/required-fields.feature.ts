import {
  REQUIRED_FIELDS_EVENT_TYPES,
  REQUIRED_FIELDS_STREAM_ID,
  requiredFieldsDecider,
  type RequiredFieldsSet,
  type RequiredFieldsState,
  type SetRequiredFields,
} from '../../domain/required-fields/required-fields.decider';
import { requiredFieldsProjection } from '../../projections/required-fields/required-fields.projection';
import type { Feature } from '../shared/feature';
import { COMPLETENESS_KPIS } from './completeness.queries';

/** The network's required fields per record type, versioned (issue 19 §6): one stream for the network. */
export const requiredFieldsFeature: Feature<RequiredFieldsState, SetRequiredFields, RequiredFieldsSet> = {
  name: 'required-fields',
  category: 'requiredfields',
  decider: requiredFieldsDecider,
  streamOf: () => REQUIRED_FIELDS_STREAM_ID,
  eventTypes: REQUIRED_FIELDS_EVENT_TYPES,
  // Network data: no dealer's record (the route's permission keeps it to OEM staff and admins).
  scope: () => ({}),
  projections: [requiredFieldsProjection],
  kpis: COMPLETENESS_KPIS,
};
