import { accessAuditProjection } from '../../projections/access-audit/access-audit.projection';
import {
  type CustomerFileOpened,
  FILE_ACCESS_EVENT_TYPES,
  fileAccessDecider,
  fileAccessStreamId,
  type RecordFileOpening,
} from '../../domain/privacy/privacy.events';
import type { Feature } from '../shared/feature';

/** Who opened a person's records, and why: the access audit (docs/privacy.md). */
export const fileAccessFeature: Feature<null, RecordFileOpening, CustomerFileOpened> = {
  name: 'file-access',
  category: 'fileaccess',
  decider: fileAccessDecider,
  streamOf: ({ customerId }) => fileAccessStreamId(customerId),
  eventTypes: FILE_ACCESS_EVENT_TYPES,
  // Every reader records their own openings: the audit trail is no dealer's record.
  scope: () => ({}),
  projections: [accessAuditProjection],
};
