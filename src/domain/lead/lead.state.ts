import type { LostReason } from '../prospect/prospect.types';
import { remember, type WithAutomatic, withdraw } from '../shared/automatic-decisions';
import type { LeadEvent } from './lead.events';
import type { LeadLossSource, LeadReturnDecision, LeadReturnReason, LeadSource } from './lead.types';

/** The handing the lead is on now: its dealer and the acceptance clock that started with it. */
export type LeadHanding = Readonly<{
  handing: number;
  dealerId: string;
  handedAt: string;
  acceptBy: string;
  clockPolicyVersion: string;
}>;

type Common = Readonly<{
  leadId: string;
  source: LeadSource;
  model: string;
  customerId: string;
  campaignId: string | null;
  current: LeadHanding;
  /** The business time of the last human fact: a later one may not be dated before it. */
  lastFactAt: string;
}>;

type Handed = Common & Readonly<{ status: 'handed' }>;
type Accepted = Common & Readonly<{ status: 'accepted'; acceptedAt: string; contactBy: string }>;
type Contacted = Common &
  Readonly<{ status: 'contacted'; acceptedAt: string; contactedAt: string; prospectId: string | null }>;
type Returned = Common & Readonly<{ status: 'returned'; reason: LeadReturnReason; returnedAt: string }>;
type Converted = Common &
  Readonly<{ status: 'converted'; prospectId: string; saleId: string; orderedAt: string }>;
type Lost = Common &
  Readonly<{
    status: 'lost';
    reason: LostReason;
    lostBy: LeadLossSource;
    prospectId: string | null;
    lostAt: string;
  }>;

/** A lead on its way; each status carries only its own fields. */
export type LeadStage = Handed | Accepted | Contacted | Returned | Converted | Lost;
export type HandedLead = WithAutomatic<LeadStage, LeadReturnDecision>;
export type LeadState = Readonly<{ status: 'none' }> | HandedLead;
export type LeadStatus = LeadStage['status'];

/** A human fact at `factAt` is in time for a return that took effect at or after it (inclusive clocks). */
export const contradictsReturn = (decisionAt: string, factAt: string): boolean =>
  Date.parse(factAt) <= Date.parse(decisionAt);

export const leadDecisionOf = (event: LeadEvent): LeadReturnDecision | null =>
  event.type === 'LeadReturned'
    ? { kind: 'returned', handing: event.data.handing, reason: event.data.reason, at: event.data.returnedAt }
    : null;

/** The prospect file the lead became, if it did. */
export const linkedProspectOf = (state: LeadState): string | null =>
  state.status === 'contacted' || state.status === 'converted' || state.status === 'lost'
    ? state.prospectId
    : null;

const common = (state: HandedLead): Common => ({
  leadId: state.leadId,
  source: state.source,
  model: state.model,
  customerId: state.customerId,
  campaignId: state.campaignId,
  current: state.current,
  lastFactAt: state.lastFactAt,
});

/** A human fact: it starts a new history of automatic decisions. */
const fact = (stage: LeadStage, at: string): HandedLead => ({ ...stage, lastFactAt: at, automatic: [] });

const applyTo = (state: HandedLead, event: Exclude<LeadEvent, { type: 'LeadHanded' }>): HandedLead => {
  const base = common(state);
  switch (event.type) {
    case 'LeadHandedAgain': {
      const { handing, dealerId, handedAt, acceptBy, clockPolicyVersion } = event.data;
      return fact(
        { ...base, status: 'handed', current: { handing, dealerId, handedAt, acceptBy, clockPolicyVersion } },
        handedAt,
      );
    }
    case 'LeadAccepted':
      return fact(
        { ...base, status: 'accepted', acceptedAt: event.data.acceptedAt, contactBy: event.data.contactBy },
        event.data.acceptedAt,
      );
    case 'LeadContacted':
      return fact(
        {
          ...base,
          status: 'contacted',
          acceptedAt: state.status === 'accepted' ? state.acceptedAt : event.data.contactedAt,
          contactedAt: event.data.contactedAt,
          prospectId: null,
        },
        event.data.contactedAt,
      );
    case 'LeadReturned': {
      const decision = leadDecisionOf(event) as LeadReturnDecision;
      const applied: HandedLead = {
        ...base,
        status: 'returned',
        reason: event.data.reason,
        returnedAt: event.data.returnedAt,
        automatic: state.automatic,
      };
      return remember(state, decision, applied, contradictsReturn);
    }
    case 'LeadDecisionsWithdrawn':
      return withdraw(state, event.data.decisions);
    case 'LeadProspectLinked':
      return state.status === 'contacted'
        ? fact({ ...state, prospectId: event.data.prospectId }, event.data.linkedAt)
        : state;
    case 'LeadConverted': {
      const { prospectId, saleId, orderedAt } = event.data;
      return { ...base, status: 'converted', prospectId, saleId, orderedAt, automatic: [] };
    }
    case 'LeadLost': {
      const { reason, lostBy, prospectId, lostAt } = event.data;
      const stage: LeadStage = { ...base, status: 'lost', reason, lostBy, prospectId, lostAt };
      return lostBy === 'dealer' ? fact(stage, lostAt) : { ...stage, automatic: [] };
    }
    default: {
      const unexpected: never = event;
      throw new Error(`unknown lead event ${JSON.stringify(unexpected)}`);
    }
  }
};

export const evolveLead = (state: LeadState, event: LeadEvent): LeadState => {
  if (event.type === 'LeadHanded') {
    const { leadId, handing, dealerId, source, model, customer, campaignId, handedAt, acceptBy } = event.data;
    return {
      status: 'handed',
      leadId,
      source,
      model,
      customerId: customer.customerId,
      campaignId,
      current: { handing, dealerId, handedAt, acceptBy, clockPolicyVersion: event.data.clockPolicyVersion },
      lastFactAt: handedAt,
      automatic: [],
    };
  }
  return state.status === 'none' ? state : applyTo(state, event);
};
