import type { LeadEvent } from '../../domain/lead/lead.events';
import { evolveLead, type LeadState, type LeadStatus } from '../../domain/lead/lead.state';
import type { LeadCustomer, LeadReturnReason, LeadSource } from '../../domain/lead/lead.types';
import type { LostReason } from '../../domain/prospect/prospect.types';
import type { Envelope, ProjectionDefinition } from '../shared/projection';

/** One step of the lead's history; a return a late fact withdrew stays listed, marked `withdrawn`. */
export type LeadHistoryEntry = {
  type: LeadEvent['type'];
  handing: number;
  dealerId: string;
  at: string;
  actorId: string;
  withdrawn: boolean;
};

/** A lead as the OEM and its current dealer see it: stage, clocks, prospect file, outcome and history. */
export type LeadDetails = {
  leadId: string;
  /** The dealer of the current (or last) handing. */
  dealerId: string;
  status: LeadStatus;
  handing: number;
  source: LeadSource;
  model: string;
  customer: LeadCustomer;
  campaignId: string | null;
  handedAt: string;
  acceptBy: string;
  acceptedAt: string | null;
  contactBy: string | null;
  contactedAt: string | null;
  returnedAt: string | null;
  returnReason: LeadReturnReason | null;
  prospectId: string | null;
  saleId: string | null;
  orderedAt: string | null;
  lostReason: LostReason | null;
  lostAt: string | null;
  /** The running clock's deadline (acceptance while handed, first contact while accepted): what the watcher and the worklist read. */
  nextDeadline: string | null;
  clockPolicyVersion: string;
  history: LeadHistoryEntry[];
  revision: number;
  /** The domain's folded state, to fold the next event with the decider's own `evolve` (withdrawals restore it). */
  state: LeadState;
};

type Shown = Omit<LeadDetails, 'customer' | 'history' | 'revision' | 'state'>;

/** The fields shown, from the domain's own state: a withdrawn return restores them with it. */
const fieldsOf = (state: Exclude<LeadState, { status: 'none' }>): Shown => {
  const { current } = state;
  const none = {
    acceptedAt: null,
    contactBy: null,
    contactedAt: null,
    returnedAt: null,
    returnReason: null,
    prospectId: null,
    saleId: null,
    orderedAt: null,
    lostReason: null,
    lostAt: null,
    nextDeadline: null,
  };
  const shown = {
    ...none,
    leadId: state.leadId,
    dealerId: current.dealerId,
    status: state.status,
    handing: current.handing,
    source: state.source,
    model: state.model,
    campaignId: state.campaignId,
    handedAt: current.handedAt,
    acceptBy: current.acceptBy,
    clockPolicyVersion: current.clockPolicyVersion,
  };
  switch (state.status) {
    case 'handed':
      return { ...shown, nextDeadline: current.acceptBy };
    case 'accepted':
      return {
        ...shown,
        acceptedAt: state.acceptedAt,
        contactBy: state.contactBy,
        nextDeadline: state.contactBy,
      };
    case 'contacted':
      return {
        ...shown,
        acceptedAt: state.acceptedAt,
        contactedAt: state.contactedAt,
        prospectId: state.prospectId,
      };
    case 'returned':
      return { ...shown, returnedAt: state.returnedAt, returnReason: state.reason };
    case 'converted':
      return { ...shown, prospectId: state.prospectId, saleId: state.saleId, orderedAt: state.orderedAt };
    case 'lost':
      return { ...shown, prospectId: state.prospectId, lostReason: state.reason, lostAt: state.lostAt };
    default: {
      const unexpected: never = state;
      throw new Error(`unknown lead status ${JSON.stringify(unexpected)}`);
    }
  }
};

const atOf = (event: Envelope<LeadEvent>): string => {
  switch (event.type) {
    case 'LeadHanded':
    case 'LeadHandedAgain':
      return event.data.handedAt;
    case 'LeadAccepted':
      return event.data.acceptedAt;
    case 'LeadContacted':
      return event.data.contactedAt;
    case 'LeadReturned':
      return event.data.returnedAt;
    case 'LeadDecisionsWithdrawn':
      return event.data.lateFactAt;
    case 'LeadProspectLinked':
      return event.data.linkedAt;
    case 'LeadConverted':
      return event.data.orderedAt;
    case 'LeadLost':
      return event.data.lostAt;
    default: {
      const unexpected: never = event;
      throw new Error(`unknown lead event ${JSON.stringify(unexpected)}`);
    }
  }
};

const historyAfter = (history: LeadHistoryEntry[], event: Envelope<LeadEvent>): LeadHistoryEntry[] => {
  const entry: LeadHistoryEntry = {
    type: event.type,
    handing: event.data.handing,
    dealerId: event.data.dealerId,
    at: atOf(event),
    actorId: event.metadata.actor.userId,
    withdrawn: false,
  };
  if (event.type !== 'LeadDecisionsWithdrawn') return [...history, entry];
  const withdrawnAt = new Set(event.data.decisions.map((decision) => `${decision.handing}:${decision.at}`));
  return [
    ...history.map((line) =>
      line.type === 'LeadReturned' && withdrawnAt.has(`${line.handing}:${line.at}`)
        ? { ...line, withdrawn: true }
        : line,
    ),
    entry,
  ];
};

export const LEAD_EVENTS: readonly LeadEvent['type'][] = [
  'LeadHanded',
  'LeadHandedAgain',
  'LeadAccepted',
  'LeadContacted',
  'LeadReturned',
  'LeadDecisionsWithdrawn',
  'LeadProspectLinked',
  'LeadConverted',
  'LeadLost',
];

export const leadDetailsProjection: ProjectionDefinition<LeadEvent, LeadDetails> = {
  name: 'lead-details',
  version: 1,
  collection: 'lead_details',
  indexes: [['dealerId', 'status'], ['nextDeadline'], ['status']],
  handles: LEAD_EVENTS,
  documentIds: (event) => [event.data.leadId],
  apply: (doc, event) => {
    const previous: LeadState = doc?.state ?? { status: 'none' };
    const state = evolveLead(previous, event);
    if (state.status === 'none')
      throw new Error(`lead ${event.data.leadId}: ${event.type} before its handing`);
    const customer = event.type === 'LeadHanded' ? event.data.customer : doc?.customer;
    if (!customer) throw new Error(`lead ${event.data.leadId}: ${event.type} before its handing`);
    return {
      ...fieldsOf(state),
      customer,
      history: historyAfter(doc?.history ?? [], event),
      revision: event.revision,
      state,
    };
  },
};
