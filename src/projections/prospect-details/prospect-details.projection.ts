import { FOLLOW_UP_POLICIES, nextContactDue } from '../../domain/prospect/follow-up-policy';
import type { ProspectEvent } from '../../domain/prospect/prospect.events';
import {
  evolveProspect,
  type ProspectState,
  type ProspectStatus,
} from '../../domain/prospect/prospect.state';
import type {
  FinanceOption,
  FollowUpChannel,
  FollowUpOutcome,
  FunnelStage,
  LostReason,
  ProspectChannel,
  ProspectContact,
  ProspectGrade,
} from '../../domain/prospect/prospect.types';
import { businessMonthOf } from '../../domain/shared/time';
import type { Envelope, ProjectionDefinition } from '../shared/projection';

export type ProspectDetails = {
  prospectId: string;
  dealerId: string;
  consultantId: string;
  channel: ProspectChannel;
  contact: ProspectContact;
  modelOfInterest: string;
  budgetFen: number | null;
  expectedPurchaseBy: string | null;
  campaignId: string | null;
  registeredAt: string;
  /** Cohort of the funnel: business month of registration. */
  cohortMonth: string;
  registeredBy: string;
  status: ProspectStatus;
  grade: ProspectGrade;
  furthestStage: FunnelStage;
  /** Repeat enquiries merged into this file. */
  touches: number;
  followUps: number;
  lastFollowUp: {
    channel: FollowUpChannel;
    outcome: FollowUpOutcome;
    note: string | null;
    at: string;
  } | null;
  lastContactAt: string;
  scheduledContactAt: string | null;
  /** Last contact + the grade's interval, or the scheduled contact if sooner; null once ordered or lost. */
  nextContactDue: string | null;
  testDrive: { model: string; scheduledFor: string; drivenAt: string | null } | null;
  quote: {
    model: string;
    listPriceFen: number;
    discountFen: number;
    priceFen: number;
    financeOption: FinanceOption;
    at: string;
  } | null;
  saleId: string | null;
  lost: { reason: LostReason; note: string | null; stage: FunnelStage; at: string } | null;
  reassignments: number;
  /** The domain's own state, folded by the domain's `evolve`. */
  state: ProspectState;
  /** Revision of the prospect's stream: the ETag of this record. */
  revision: number;
  updatedAt: string;
};

type E = Envelope<ProspectEvent>;

const registeredDoc = (event: Extract<E, { type: 'ProspectRegistered' }>): ProspectDetails => {
  const { data } = event;
  return {
    prospectId: data.prospectId,
    dealerId: data.dealerId,
    consultantId: data.consultantId,
    channel: data.channel,
    contact: data.contact,
    modelOfInterest: data.modelOfInterest,
    budgetFen: data.budgetFen,
    expectedPurchaseBy: data.expectedPurchaseBy,
    campaignId: data.campaignId,
    registeredAt: data.registeredAt,
    cohortMonth: businessMonthOf(data.registeredAt),
    registeredBy: event.metadata.actor.userId,
    status: 'open',
    grade: data.grade,
    furthestStage: 'registered',
    touches: 0,
    followUps: 0,
    lastFollowUp: null,
    lastContactAt: data.registeredAt,
    scheduledContactAt: null,
    nextContactDue: null,
    testDrive: null,
    quote: null,
    saleId: null,
    lost: null,
    reassignments: 0,
    state: { status: 'none' },
    revision: event.revision,
    updatedAt: event.occurredAt,
  };
};

/** What each event adds beyond the domain state. */
const facts = (doc: ProspectDetails, event: E): Partial<ProspectDetails> => {
  switch (event.type) {
    case 'FollowUpRecorded': {
      const { channel, outcome, note, contactedAt } = event.data;
      return { followUps: doc.followUps + 1, lastFollowUp: { channel, outcome, note, at: contactedAt } };
    }
    case 'TestDriveBooked':
      return {
        testDrive: { model: event.data.model, scheduledFor: event.data.scheduledFor, drivenAt: null },
      };
    case 'TestDriveCompleted':
      return {
        testDrive: {
          model: event.data.model,
          scheduledFor: doc.testDrive?.scheduledFor ?? event.data.drivenAt,
          drivenAt: event.data.drivenAt,
        },
      };
    case 'QuoteIssued': {
      const { model, listPriceFen, discountFen, priceFen, financeOption, quotedAt } = event.data;
      return { quote: { model, listPriceFen, discountFen, priceFen, financeOption, at: quotedAt } };
    }
    case 'ProspectLost':
      return {
        lost: {
          reason: event.data.reason,
          note: event.data.note,
          stage: event.data.stage,
          at: event.data.lostAt,
        },
      };
    case 'ProspectReactivated':
      return { lost: null };
    case 'ProspectReassigned':
      return { reassignments: doc.reassignments + 1 };
    case 'ProspectRegistered':
    case 'ProspectTouched':
    case 'ProspectGraded':
    case 'FollowUpScheduled':
    case 'NeedsAnalysed':
    case 'VehiclePresented':
    case 'ProspectOrdered':
    case 'ProspectReopenedAfterCancellation':
      return {};
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};

/** One document per prospect: the file for integrators, and the follow-up worklist's due dates. */
export const prospectDetailsProjection: ProjectionDefinition<ProspectEvent, ProspectDetails> = {
  name: 'prospect-details',
  version: 1,
  collection: 'prospects',
  indexes: [
    ['dealerId', 'registeredAt'],
    ['dealerId', 'status', 'nextContactDue'],
    ['consultantId', 'status', 'nextContactDue'],
    ['registeredAt'],
    // The customer's file (GET /customers/:customerId).
    ['contact.customerId'],
  ],
  handles: [
    'ProspectRegistered',
    'ProspectTouched',
    'ProspectGraded',
    'FollowUpScheduled',
    'FollowUpRecorded',
    'NeedsAnalysed',
    'VehiclePresented',
    'TestDriveBooked',
    'TestDriveCompleted',
    'QuoteIssued',
    'ProspectOrdered',
    'ProspectLost',
    'ProspectReassigned',
    'ProspectReactivated',
    'ProspectReopenedAfterCancellation',
  ],
  documentIds: (event) => [event.data.prospectId],
  apply: (doc, event) => {
    const current = event.type === 'ProspectRegistered' ? registeredDoc(event) : doc;
    if (!current)
      throw new Error(`prospect ${event.data.prospectId}: ${event.type} before ProspectRegistered`);
    const state = evolveProspect(current.state, { type: event.type, data: event.data } as ProspectEvent);
    if (state.status === 'none')
      throw new Error(`prospect ${event.data.prospectId}: no state after ${event.type}`);
    const policy = FOLLOW_UP_POLICIES[state.followUpPolicyVersion];
    if (!policy)
      throw new Error(
        `prospect ${state.prospectId}: follow-up policy ${state.followUpPolicyVersion} is unknown: deploy that policy version`,
      );
    return {
      ...current,
      ...facts(current, event),
      status: state.status,
      grade: state.grade,
      consultantId: state.consultantId,
      furthestStage: state.furthestStage,
      touches: state.touches,
      lastContactAt: state.lastContactAt,
      scheduledContactAt: state.scheduledContactAt,
      nextContactDue: nextContactDue(policy, state.grade, state.lastContactAt, state.scheduledContactAt),
      saleId: state.saleId,
      state,
      revision: event.revision,
      updatedAt: event.occurredAt,
    };
  },
};
