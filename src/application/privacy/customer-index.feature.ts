import {
  CUSTOMER_INDEX_EVENT_TYPES,
  type CustomerContactIndexed,
  customerIndexDecider,
  type CustomerIndexState,
  customerIndexStreamId,
  type IndexCustomerContact,
} from '../../domain/customer-index/customer-index';
import { customerLookupProjection } from '../../projections/customer-lookup/customer-lookup.projection';
import type { Feature } from '../shared/feature';
import { createCustomerIndexReactor } from './customer-index.reactor';

/**
 * The keyed blind indexes of phones and plates that `GET /customers/lookup` finds a caller by
 * (docs/privacy.md, "Blind indexes"). Written by its reactor only, as a system actor.
 */
export const customerIndexFeature: Feature<CustomerIndexState, IndexCustomerContact, CustomerContactIndexed> =
  {
    name: 'customer-index',
    category: 'customerindex',
    decider: customerIndexDecider,
    streamOf: ({ kind, hash }) => customerIndexStreamId(kind, hash),
    eventTypes: CUSTOMER_INDEX_EVENT_TYPES,
    scope: (_state, command) => ({ dealerId: command.data.dealerId }),
    projections: [customerLookupProjection],
    reactors: ({ pipeline, contactHasher }) => [
      createCustomerIndexReactor(pipeline, contactHasher, customerIndexFeature),
    ],
  };
