import type { Decider } from '../shared/event';
import { isOnOrBefore } from '../shared/time';
import type * as C from './prospect.commands';
import {
  ProspectAlreadyRegistered,
  ProspectNotFound,
  actionBeforeRegistration,
  discountTooHigh,
  lostReasonRequired,
  notLost,
  prospectLost,
  prospectOrdered,
  sameConsultant,
  stepOutOfOrder,
} from './prospect.errors';
import type { ProspectEvent } from './prospect.events';
import { DEFAULT_FOLLOW_UP_POLICY, type FollowUpPolicy } from './follow-up-policy';
import { evolveProspect, type ProspectState, type RegisteredProspect } from './prospect.state';
import { type FunnelStage, type OpenGrade, stageRank } from './prospect.types';

export type { ProspectState } from './prospect.state';

const register = (
  command: C.RegisterProspect,
  state: ProspectState,
  policy: FollowUpPolicy,
): ProspectEvent[] => {
  if (state.status !== 'none') throw new ProspectAlreadyRegistered(command.data.prospectId);
  const { data, metadata } = command;
  return [
    {
      type: 'ProspectRegistered',
      data: {
        prospectId: data.prospectId,
        dealerId: data.dealerId,
        consultantId: data.consultantId,
        channel: data.channel,
        contact: data.contact,
        phoneHash: data.phoneHash,
        modelOfInterest: data.modelOfInterest,
        budgetFen: data.budgetFen ?? null,
        expectedPurchaseBy: data.expectedPurchaseBy ?? null,
        campaignId: data.campaignId ?? null,
        grade: data.grade,
        registeredAt: metadata.now,
        followUpPolicyVersion: policy.version,
      },
    },
  ];
};

const hasReached = (state: RegisteredProspect, stage: FunnelStage) =>
  stageRank(state.furthestStage) >= stageRank(stage);

/** Commands that work the file: refused once ordered, and (but for the ones a lost file allows) once lost. */
const guard = (command: Exclude<C.ProspectCommand, C.RegisterProspect>, state: RegisteredProspect) => {
  const action = command.type;
  if (command.type === 'RecordEnquiry') return; // a repeat enquiry is a buying signal in any grade
  if (command.type === 'ReopenAfterCancelledSale') return; // the decider ignores one it has no order for
  if (state.status === 'ordered') throw prospectOrdered(state.prospectId, state.saleId, action);
  if (state.status === 'lost' && command.type !== 'ReactivateProspect' && command.type !== 'ReassignProspect')
    throw prospectLost(state.prospectId, action);
};

const onRegistered = (
  command: Exclude<C.ProspectCommand, C.RegisterProspect>,
  state: RegisteredProspect,
): ProspectEvent[] => {
  const { prospectId, dealerId } = state;
  const now = command.metadata.now;
  if (!isOnOrBefore(state.registeredAt, now))
    throw actionBeforeRegistration(prospectId, state.registeredAt, now);
  guard(command, state);
  switch (command.type) {
    case 'RecordEnquiry':
      return [
        {
          type: 'ProspectTouched',
          data: {
            prospectId,
            dealerId,
            channel: command.data.channel,
            touchedAt: now,
            note: command.data.note ?? null,
          },
        },
      ];
    case 'GradeProspect': {
      const { grade, lostReason, note } = command.data;
      const from = state.grade as OpenGrade;
      if (grade === 'F') {
        if (!lostReason) throw lostReasonRequired(prospectId);
        return [
          {
            type: 'ProspectLost',
            data: {
              prospectId,
              dealerId,
              reason: lostReason,
              note: note ?? null,
              stage: state.furthestStage,
              gradeBefore: from,
              lostAt: now,
            },
          },
        ];
      }
      if (grade === from) return [];
      return [
        {
          type: 'ProspectGraded',
          data: { prospectId, dealerId, from, to: grade, note: note ?? null, gradedAt: now },
        },
      ];
    }
    case 'ScheduleFollowUp':
      return [
        {
          type: 'FollowUpScheduled',
          data: { prospectId, dueAt: command.data.dueAt, note: command.data.note ?? null, scheduledAt: now },
        },
      ];
    case 'RecordFollowUp': {
      const { channel, outcome, note, nextContactAt } = command.data;
      return [
        {
          type: 'FollowUpRecorded',
          data: {
            prospectId,
            consultantId: state.consultantId,
            channel,
            outcome,
            note: note ?? null,
            contactedAt: now,
            nextContactAt: nextContactAt ?? null,
          },
        },
      ];
    }
    case 'RecordNeedsAnalysis':
      return [
        { type: 'NeedsAnalysed', data: { prospectId, summary: command.data.summary, analysedAt: now } },
      ];
    case 'PresentVehicle':
      return [
        { type: 'VehiclePresented', data: { prospectId, model: command.data.model, presentedAt: now } },
      ];
    case 'BookTestDrive':
      return [
        {
          type: 'TestDriveBooked',
          data: {
            prospectId,
            model: command.data.model,
            scheduledFor: command.data.scheduledFor,
            bookedAt: now,
          },
        },
      ];
    case 'CompleteTestDrive':
      if (!state.testDriveBooked)
        throw stepOutOfOrder(prospectId, 'a completed test drive', 'a test-drive booking');
      return [
        {
          type: 'TestDriveCompleted',
          data: { prospectId, model: command.data.model ?? state.modelOfInterest, drivenAt: now },
        },
      ];
    case 'IssueQuote': {
      // A quote may follow a presentation without a test drive, never come before one.
      if (!hasReached(state, 'presented'))
        throw stepOutOfOrder(prospectId, 'a quote', 'a vehicle presentation');
      const { model, listPriceFen, discountFen, financeOption } = command.data;
      if (discountFen > listPriceFen) throw discountTooHigh(prospectId, listPriceFen, discountFen);
      return [
        {
          type: 'QuoteIssued',
          data: {
            prospectId,
            model,
            listPriceFen,
            discountFen,
            priceFen: listPriceFen - discountFen,
            financeOption,
            quotedAt: now,
          },
        },
      ];
    }
    case 'OrderProspect': {
      if (!hasReached(state, 'quoted')) throw stepOutOfOrder(prospectId, 'an order', 'a quote');
      const { saleId, model, priceFen } = command.data;
      return [
        { type: 'ProspectOrdered', data: { prospectId, dealerId, saleId, model, priceFen, orderedAt: now } },
      ];
    }
    case 'ReassignProspect':
      if (command.data.consultantId === state.consultantId)
        throw sameConsultant(prospectId, state.consultantId);
      return [
        {
          type: 'ProspectReassigned',
          data: {
            prospectId,
            dealerId,
            fromConsultantId: state.consultantId,
            toConsultantId: command.data.consultantId,
            reason: command.data.reason,
            reassignedAt: now,
          },
        },
      ];
    case 'ReactivateProspect':
      if (state.status !== 'lost') throw notLost(prospectId);
      return [
        {
          type: 'ProspectReactivated',
          data: {
            prospectId,
            dealerId,
            grade: command.data.grade,
            reason: command.data.reason,
            reactivatedAt: now,
          },
        },
      ];
    case 'ReopenAfterCancelledSale':
      // Only the current order's cancellation re-opens: a replay, or an older sale's, changes nothing.
      if (state.status !== 'ordered' || state.saleId !== command.data.saleId) return [];
      return [
        {
          type: 'ProspectReopenedAfterCancellation',
          data: {
            prospectId,
            dealerId,
            saleId: command.data.saleId,
            reason: command.data.reason,
            grade: state.gradeBeforeOrder ?? 'H',
            // Ordering needs a quote, so without its order the prospect stands at the quoted stage.
            stage: 'quoted',
            reopenedAt: now,
          },
        },
      ];
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
};

/** The prospect file (潜客档案): grading, follow-ups and the sales steps up to the order. */
export const createProspectDecider = (
  policy: FollowUpPolicy = DEFAULT_FOLLOW_UP_POLICY,
): Decider<ProspectState, C.ProspectCommand, ProspectEvent> => ({
  initialState: () => ({ status: 'none' }),
  evolve: evolveProspect,
  decide: (command, state) => {
    if (command.type === 'RegisterProspect') return register(command, state, policy);
    if (state.status === 'none') throw new ProspectNotFound(command.data.prospectId);
    return onRegistered(command, state);
  },
});

export const prospectStreamId = (prospectId: string): string => `prospect-${prospectId}`;
