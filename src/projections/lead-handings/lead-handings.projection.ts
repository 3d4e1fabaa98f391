import type { LeadEvent } from '../../domain/lead/lead.events';
import type { LeadReturnReason } from '../../domain/lead/lead.types';
import type { LostReason } from '../../domain/prospect/prospect.types';
import { businessMonthOf } from '../../domain/shared/time';
import { LEAD_EVENTS } from '../lead-details/lead-details.projection';
import type { ProjectionDefinition } from '../shared/projection';

/**
 * One handing of a lead: the KPIs count per dealer and CST month of the handing, so a lead handed again
 * counts once for each dealer it was handed to. Every field is set, never added to, so the document is the
 * same however often an event is applied.
 */
export type LeadHandingDoc = {
  leadId: string;
  handing: number;
  dealerId: string;
  /** CST month of the handing (`YYYY-MM`). */
  month: string;
  handedAt: string;
  acceptBy: string;
  acceptedAt: string | null;
  contactBy: string | null;
  contactedAt: string | null;
  returned: boolean;
  returnReason: LeadReturnReason | null;
  prospectId: string | null;
  orderedAt: string | null;
  lostReason: LostReason | null;
};

const idOf = (leadId: string, handing: number) => `${leadId}:${handing}`;

export const leadHandingsProjection: ProjectionDefinition<LeadEvent, LeadHandingDoc> = {
  name: 'lead-handings',
  version: 1,
  collection: 'lead_handings',
  indexes: [['dealerId', 'month'], ['month']],
  handles: LEAD_EVENTS,
  documentIds: (event) => [idOf(event.data.leadId, event.data.handing)],
  apply: (doc, event) => {
    if (event.type === 'LeadHanded' || event.type === 'LeadHandedAgain') {
      const { leadId, handing, dealerId, handedAt, acceptBy } = event.data;
      return {
        leadId,
        handing,
        dealerId,
        month: businessMonthOf(handedAt),
        handedAt,
        acceptBy,
        acceptedAt: null,
        contactBy: null,
        contactedAt: null,
        returned: false,
        returnReason: null,
        prospectId: null,
        orderedAt: null,
        lostReason: null,
      };
    }
    if (!doc)
      throw new Error(`lead ${event.data.leadId}: ${event.type} before handing ${event.data.handing}`);
    switch (event.type) {
      case 'LeadAccepted':
        return { ...doc, acceptedAt: event.data.acceptedAt, contactBy: event.data.contactBy };
      case 'LeadContacted':
        return { ...doc, contactedAt: event.data.contactedAt };
      case 'LeadReturned':
        return { ...doc, returned: true, returnReason: event.data.reason };
      // A late fact in time withdrew the handing's return (a handing has one return at most).
      case 'LeadDecisionsWithdrawn':
        return { ...doc, returned: false, returnReason: null };
      case 'LeadProspectLinked':
        return { ...doc, prospectId: event.data.prospectId };
      // A prospect lost and then won back ordered: the order counts, the loss no longer.
      case 'LeadConverted':
        return {
          ...doc,
          prospectId: event.data.prospectId,
          orderedAt: event.data.orderedAt,
          lostReason: null,
        };
      case 'LeadLost':
        return { ...doc, lostReason: event.data.reason };
      default: {
        const unexpected: never = event;
        throw new Error(`unknown lead event ${JSON.stringify(unexpected)}`);
      }
    }
  },
};
