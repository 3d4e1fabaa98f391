import { contradictedBy, withdraw } from '../shared/automatic-decisions';
import type { Decider } from '../shared/event';
import { addHours } from '../shared/time';
import type * as C from './lead.commands';
import {
  clockRanOut,
  factOutOfOrder,
  handedAgain,
  LeadAlreadyHanded,
  LeadNotFound,
  LeadRuleViolated,
  notAccepted,
  notContacted,
} from './lead.errors';
import type { LeadDecisionsWithdrawn, LeadEvent } from './lead.events';
import {
  contradictsReturn,
  evolveLead,
  type HandedLead,
  type LeadState,
  linkedProspectOf,
} from './lead.state';
import { DEFAULT_LEAD_CLOCKS, type LeadClockPolicy } from './lead.types';

export const leadStreamId = (leadId: string): string => `lead-${leadId}`;

const ms = Date.parse;
const on = (state: HandedLead) => ({
  leadId: state.leadId,
  handing: state.current.handing,
  dealerId: state.current.dealerId,
});

const hand = (command: C.HandLead, state: LeadState, policy: LeadClockPolicy): LeadEvent[] => {
  if (state.status !== 'none') throw new LeadAlreadyHanded(command.data.leadId);
  const { now, actor } = command.metadata;
  const { leadId, dealerId, source, model, customer, phoneHash, campaignId } = command.data;
  return [
    {
      type: 'LeadHanded',
      data: {
        leadId,
        handing: 1,
        dealerId,
        source,
        model,
        customer,
        phoneHash,
        campaignId: campaignId ?? null,
        handedBy: actor.userId,
        handedAt: now,
        acceptBy: addHours(now, policy.acceptWithinHours),
        clockPolicyVersion: policy.version,
      },
    },
  ];
};

const handAgain = (command: C.HandLeadAgain, state: HandedLead, policy: LeadClockPolicy): LeadEvent[] => {
  const { now, actor } = command.metadata;
  if (state.status !== 'returned')
    throw new LeadRuleViolated(
      'LEAD_NOT_RETURNED',
      state.leadId,
      `is ${state.status} at dealer ${state.current.dealerId}: only a lead returned to the OEM is handed again`,
      { status: state.status },
    );
  if (ms(now) < ms(state.returnedAt)) throw factOutOfOrder(state.leadId, state.returnedAt, now);
  return [
    {
      type: 'LeadHandedAgain',
      data: {
        leadId: state.leadId,
        handing: state.current.handing + 1,
        dealerId: command.data.dealerId,
        previousDealerId: state.current.dealerId,
        note: command.data.note ?? null,
        handedBy: actor.userId,
        handedAt: now,
        acceptBy: addHours(now, policy.acceptWithinHours),
        clockPolicyVersion: policy.version,
      },
    },
  ];
};

/**
 * A dealer's step is decided on the lead as it stood at the step's business time: dated before the current
 * handing, it belongs to an earlier one that a new handing has built on (refused); a return it was in time
 * for is withdrawn first (a compensating event), and the step is decided on the lead as it was before it.
 */
const asOfStep = (
  state: HandedLead,
  now: string,
): Readonly<{ withdrawn: LeadDecisionsWithdrawn[]; lead: HandedLead }> => {
  if (ms(now) < ms(state.current.handedAt))
    throw state.current.handing > 1
      ? handedAgain(state.leadId, state.current.handedAt, now)
      : factOutOfOrder(state.leadId, state.current.handedAt, now);
  const decisions = contradictedBy(state.automatic, now, contradictsReturn);
  if (decisions.length === 0) return { withdrawn: [], lead: state };
  return {
    withdrawn: [{ type: 'LeadDecisionsWithdrawn', data: { ...on(state), lateFactAt: now, decisions } }],
    lead: withdraw(state, decisions),
  };
};

const accept = (command: C.AcceptLead, state: HandedLead, policy: LeadClockPolicy): LeadEvent[] => {
  const { now, actor } = command.metadata;
  const { withdrawn, lead } = asOfStep(state, now);
  switch (lead.status) {
    case 'handed':
      if (ms(now) > ms(lead.current.acceptBy))
        throw clockRanOut(lead.leadId, 'acceptance', lead.current.acceptBy);
      return [
        ...withdrawn,
        {
          type: 'LeadAccepted',
          data: {
            ...on(lead),
            acceptedBy: actor.userId,
            acceptedAt: now,
            contactBy: addHours(now, policy.contactWithinHours),
          },
        },
      ];
    case 'returned':
      // Not in time for the return (else it would have been withdrawn): the acceptance clock ran out first.
      throw clockRanOut(lead.leadId, 'acceptance', lead.current.acceptBy);
    case 'accepted':
    case 'contacted':
    case 'converted':
    case 'lost':
      throw new LeadRuleViolated('LEAD_ALREADY_ACCEPTED', lead.leadId, `is already ${lead.status}`, {
        status: lead.status,
      });
    default: {
      const unexpected: never = lead;
      throw new Error(`unknown lead status ${JSON.stringify(unexpected)}`);
    }
  }
};

const contact = (command: C.RecordLeadContact, state: HandedLead): LeadEvent[] => {
  const { now, actor } = command.metadata;
  const { withdrawn, lead } = asOfStep(state, now);
  switch (lead.status) {
    case 'handed':
      throw notAccepted(lead.leadId);
    case 'returned':
      if (lead.reason === 'not-accepted') throw notAccepted(lead.leadId);
      throw clockRanOut(lead.leadId, 'first contact', lead.returnedAt);
    case 'accepted':
      if (ms(now) < ms(lead.acceptedAt)) throw factOutOfOrder(lead.leadId, lead.acceptedAt, now);
      if (ms(now) > ms(lead.contactBy)) throw clockRanOut(lead.leadId, 'first contact', lead.contactBy);
      return [
        ...withdrawn,
        {
          type: 'LeadContacted',
          data: { ...on(lead), contactedBy: actor.userId, note: command.data.note ?? null, contactedAt: now },
        },
      ];
    case 'contacted':
    case 'converted':
    case 'lost':
      throw new LeadRuleViolated('LEAD_ALREADY_CONTACTED', lead.leadId, `is already ${lead.status}`, {
        status: lead.status,
      });
    default: {
      const unexpected: never = lead;
      throw new Error(`unknown lead status ${JSON.stringify(unexpected)}`);
    }
  }
};

/** The clock's decision: nothing when no clock has run out by `now` (a repeated sweep appends nothing). */
const returnOverdue = (command: C.ReturnOverdueLead, state: HandedLead): LeadEvent[] => {
  const now = ms(command.metadata.now);
  const returned = (reason: 'not-accepted' | 'not-contacted', deadline: string): LeadEvent[] => [
    { type: 'LeadReturned', data: { ...on(state), reason, deadline, returnedAt: deadline } },
  ];
  if (state.status === 'handed' && now > ms(state.current.acceptBy))
    return returned('not-accepted', state.current.acceptBy);
  if (state.status === 'accepted' && now > ms(state.contactBy))
    return returned('not-contacted', state.contactBy);
  return [];
};

const link = (command: C.LinkLeadProspect, state: HandedLead): LeadEvent[] => {
  const { now } = command.metadata;
  const { prospectId, merged } = command.data;
  if (state.status !== 'contacted') {
    if (state.status === 'converted' || state.status === 'lost') {
      if (state.prospectId === prospectId) return [];
    }
    throw notContacted(state.leadId);
  }
  if (state.prospectId === prospectId) return [];
  if (state.prospectId !== null)
    throw new LeadRuleViolated(
      'LEAD_ALREADY_LINKED',
      state.leadId,
      `already has prospect file ${state.prospectId}: work the lead there`,
      { prospectId: state.prospectId },
    );
  if (ms(now) < ms(state.contactedAt)) throw factOutOfOrder(state.leadId, state.contactedAt, now);
  return [{ type: 'LeadProspectLinked', data: { ...on(state), prospectId, merged, linkedAt: now } }];
};

const notLinked = (state: HandedLead, prospectId: string) =>
  new LeadRuleViolated('LEAD_NOT_LINKED', state.leadId, `is not linked to prospect ${prospectId}`, {
    prospectId,
  });

/** The prospect's order is the lead's conversion; a prospect lost and won back converts the lead too. */
const convert = (command: C.RecordLeadConversion, state: HandedLead): LeadEvent[] => {
  const { prospectId, saleId, orderedAt } = command.data;
  if (linkedProspectOf(state) !== prospectId) throw notLinked(state, prospectId);
  if (state.status === 'converted') return [];
  return [{ type: 'LeadConverted', data: { ...on(state), prospectId, saleId, orderedAt } }];
};

const prospectLost = (command: C.RecordLeadProspectLoss, state: HandedLead): LeadEvent[] => {
  const { prospectId, reason, lostAt } = command.data;
  if (linkedProspectOf(state) !== prospectId) throw notLinked(state, prospectId);
  if (state.status !== 'contacted') return [];
  return [
    {
      type: 'LeadLost',
      data: { ...on(state), reason, note: null, lostBy: 'prospect', prospectId, lostAt },
    },
  ];
};

const lose = (command: C.LoseLead, state: HandedLead): LeadEvent[] => {
  const { now } = command.metadata;
  if (state.status !== 'contacted') {
    if (state.status === 'handed' || state.status === 'accepted' || state.status === 'returned')
      throw notContacted(state.leadId);
    throw new LeadRuleViolated('LEAD_CLOSED', state.leadId, `is already ${state.status}`, {
      status: state.status,
    });
  }
  if (state.prospectId !== null)
    throw new LeadRuleViolated(
      'LEAD_LINKED_TO_PROSPECT',
      state.leadId,
      `became prospect ${state.prospectId}: grade the prospect F (lost) there, the lead follows it`,
      { prospectId: state.prospectId },
    );
  if (ms(now) < ms(state.lastFactAt)) throw factOutOfOrder(state.leadId, state.lastFactAt, now);
  const { reason, note } = command.data;
  return [
    {
      type: 'LeadLost',
      data: { ...on(state), reason, note: note ?? null, lostBy: 'dealer', prospectId: null, lostAt: now },
    },
  ];
};

const decideOnLead = (command: C.LeadCommand, state: HandedLead, policy: LeadClockPolicy): LeadEvent[] => {
  switch (command.type) {
    case 'HandLead':
      throw new LeadAlreadyHanded(state.leadId);
    case 'HandLeadAgain':
      return handAgain(command, state, policy);
    case 'AcceptLead':
      return accept(command, state, policy);
    case 'RecordLeadContact':
      return contact(command, state);
    case 'ReturnOverdueLead':
      return returnOverdue(command, state);
    case 'LinkLeadProspect':
      return link(command, state);
    case 'RecordLeadConversion':
      return convert(command, state);
    case 'RecordLeadProspectLoss':
      return prospectLost(command, state);
    case 'LoseLead':
      return lose(command, state);
    default: {
      const unexpected: never = command;
      throw new Error(`unknown lead command ${JSON.stringify(unexpected)}`);
    }
  }
};

/** The lead from the OEM's handing to an order or a loss, or back to the OEM when a clock runs out. */
export const createLeadDecider = (
  policy: LeadClockPolicy = DEFAULT_LEAD_CLOCKS,
): Decider<LeadState, C.LeadCommand, LeadEvent> => ({
  initialState: () => ({ status: 'none' }),
  evolve: evolveLead,
  decide: (command, state) => {
    if (command.type === 'HandLead') return hand(command, state, policy);
    if (state.status === 'none') throw new LeadNotFound(command.data.leadId);
    return decideOnLead(command, state, policy);
  },
});
