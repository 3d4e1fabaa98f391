import type { PrivacyEvent } from '../../domain/privacy/privacy.events';
import type { ProjectionDefinition } from '../shared/projection';

/** One row per opening of a record that shows a person's data, or per forgetting: the auditors' view. */
export type AccessAuditEntry = {
  eventId: string;
  kind: 'file-opened' | 'customer-forgotten';
  customerId: string;
  actorId: string;
  role: string;
  dealerId: string | null;
  route: string | null;
  recordId: string | null;
  reason: string | null;
  requestReference: string | null;
  at: string;
  correlationId: string;
  /** Global position of the event: orders entries recorded within the same instant. */
  position: number;
};

export const accessAuditProjection: ProjectionDefinition<PrivacyEvent, AccessAuditEntry> = {
  name: 'access-audit',
  version: 1,
  collection: 'access_audit',
  indexes: [['customerId', 'at'], ['actorId', 'at'], ['at']],
  handles: ['CustomerFileOpened', 'CustomerForgotten'],
  documentIds: (event) => [event.eventId],
  apply: (_doc, event) => {
    const actor = event.metadata.actor;
    const common = {
      eventId: event.eventId,
      customerId: event.data.customerId,
      actorId: actor.userId,
      role: actor.role,
      dealerId: actor.dealerId,
      correlationId: event.metadata.correlationId,
      position: event.globalPosition,
    };
    switch (event.type) {
      case 'CustomerFileOpened':
        return {
          ...common,
          kind: 'file-opened',
          route: event.data.route,
          recordId: event.data.recordId,
          reason: event.data.reason,
          requestReference: null,
          at: event.data.at,
        };
      case 'CustomerForgotten':
        return {
          ...common,
          kind: 'customer-forgotten',
          route: null,
          recordId: null,
          reason: event.data.reason,
          requestReference: event.data.requestReference,
          at: event.data.forgottenAt,
        };
      default: {
        const unexpected: never = event;
        throw new Error(`access-audit cannot apply ${JSON.stringify(unexpected)}`);
      }
    }
  },
};
