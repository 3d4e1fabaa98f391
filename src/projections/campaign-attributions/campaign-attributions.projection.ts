import type { LeadHanded } from '../../domain/lead/lead.events';
import type {
  ProspectOrdered,
  ProspectRegistered,
  TestDriveCompleted,
} from '../../domain/prospect/prospect.events';
import type { VehicleDelivered } from '../../domain/vehicle-sale/vehicle-sale.events';
import type { ProjectionDefinition } from '../shared/projection';

type AttributionEvent =
  LeadHanded | ProspectRegistered | TestDriveCompleted | ProspectOrdered | VehicleDelivered;

/**
 * One document per lead (`lead:<id>`) and per prospect (`prospect:<id>`) with the campaign it was
 * registered with (null: none) and the facts the effect counts, each by its business time. Whether the
 * campaign exists and the date falls in its period is decided when the report is read, against the
 * campaign as it stands: so a campaign recorded after its prospects still counts them, and the
 * outcome does not depend on the order the campaign's and the prospects' events arrive in.
 */
export type CampaignAttribution = {
  kind: 'lead' | 'prospect';
  recordId: string;
  campaignId: string | null;
  dealerId: string | null;
  /** Handed (a lead) or registered (a prospect); null until that event is in. */
  at: string | null;
  testDrives: string[];
  /** saleId → orderedAt. */
  orders: Record<string, string>;
  /** saleId → deliveredAt. */
  deliveries: Record<string, string>;
};

const empty = (kind: 'lead' | 'prospect', recordId: string): CampaignAttribution => ({
  kind,
  recordId,
  campaignId: null,
  dealerId: null,
  at: null,
  testDrives: [],
  orders: {},
  deliveries: {},
});

export const campaignAttributionsProjection: ProjectionDefinition<AttributionEvent, CampaignAttribution> = {
  name: 'campaign-attributions',
  version: 1,
  collection: 'campaign_attributions',
  indexes: [['campaignId']],
  handles: ['LeadHanded', 'ProspectRegistered', 'TestDriveCompleted', 'ProspectOrdered', 'VehicleDelivered'],
  documentIds: (event) =>
    event.type === 'LeadHanded' ? [`lead:${event.data.leadId}`] : [`prospect:${event.data.prospectId}`],
  apply: (doc, event) => {
    switch (event.type) {
      case 'LeadHanded': {
        const { leadId, dealerId, campaignId, handedAt } = event.data;
        return { ...(doc ?? empty('lead', leadId)), campaignId, dealerId, at: handedAt };
      }
      case 'ProspectRegistered': {
        // Registration happens once per prospect: a lead merged later into it by phone brings no campaign.
        const { prospectId, dealerId, campaignId, registeredAt } = event.data;
        return { ...(doc ?? empty('prospect', prospectId)), campaignId, dealerId, at: registeredAt };
      }
      case 'TestDriveCompleted': {
        const current = doc ?? empty('prospect', event.data.prospectId);
        const testDrives = [...new Set([...current.testDrives, event.data.drivenAt])].sort();
        return { ...current, testDrives };
      }
      case 'ProspectOrdered': {
        const current = doc ?? empty('prospect', event.data.prospectId);
        return { ...current, orders: { ...current.orders, [event.data.saleId]: event.data.orderedAt } };
      }
      case 'VehicleDelivered': {
        const current = doc ?? empty('prospect', event.data.prospectId);
        return {
          ...current,
          deliveries: { ...current.deliveries, [event.data.saleId]: event.data.deliveredAt },
        };
      }
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  },
};
