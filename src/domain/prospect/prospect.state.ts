import type { ProspectEvent } from './prospect.events';
import {
  type FunnelStage,
  furthestOf,
  type LostReason,
  type ProspectChannel,
  type ProspectContact,
  type OpenGrade,
  type ProspectGrade,
} from './prospect.types';

type Registered = Readonly<{
  prospectId: string;
  dealerId: string;
  consultantId: string;
  channel: ProspectChannel;
  contact: ProspectContact;
  modelOfInterest: string;
  registeredAt: string;
  followUpPolicyVersion: string;
  grade: ProspectGrade;
  furthestStage: FunnelStage;
  testDriveBooked: boolean;
  /** Last time the customer was in touch: registration, a repeat enquiry, a follow-up or a sales step. */
  lastContactAt: string;
  scheduledContactAt: string | null;
  touches: number;
  /** The current order's sale, or after a cancellation the cancelled one (a new order gets a new id). */
  saleId: string | null;
  /** The grade before the current order, restored if the sale is cancelled. */
  gradeBeforeOrder: OpenGrade | null;
  lost: Readonly<{ reason: LostReason; stage: FunnelStage; at: string }> | null;
}>;

/** open: being worked (H/A/B/C); ordered: O; lost: F. */
export type ProspectStatus = 'open' | 'ordered' | 'lost';
export type ProspectState =
  Readonly<{ status: 'none' }> | (Registered & Readonly<{ status: ProspectStatus }>);
export type RegisteredProspect = Extract<ProspectState, { prospectId: string }>;

const reached = (state: RegisteredProspect, stage: FunnelStage, at: string): RegisteredProspect => ({
  ...state,
  furthestStage: furthestOf(state.furthestStage, stage),
  lastContactAt: at,
});

export const evolveProspect = (state: ProspectState, event: ProspectEvent): ProspectState => {
  if (event.type === 'ProspectRegistered') {
    const { data } = event;
    return {
      status: 'open',
      prospectId: data.prospectId,
      dealerId: data.dealerId,
      consultantId: data.consultantId,
      channel: data.channel,
      contact: data.contact,
      modelOfInterest: data.modelOfInterest,
      registeredAt: data.registeredAt,
      followUpPolicyVersion: data.followUpPolicyVersion,
      grade: data.grade,
      furthestStage: 'registered',
      testDriveBooked: false,
      lastContactAt: data.registeredAt,
      scheduledContactAt: null,
      touches: 0,
      saleId: null,
      gradeBeforeOrder: null,
      lost: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ProspectTouched':
      return { ...state, touches: state.touches + 1, lastContactAt: event.data.touchedAt };
    case 'ProspectGraded':
      return { ...state, grade: event.data.to };
    case 'FollowUpScheduled':
      return { ...state, scheduledContactAt: event.data.dueAt };
    case 'FollowUpRecorded':
      return {
        ...state,
        lastContactAt: event.data.contactedAt,
        // The plan made at this contact replaces the earlier one.
        scheduledContactAt: event.data.nextContactAt,
      };
    case 'NeedsAnalysed':
      return reached(state, 'needs-analysed', event.data.analysedAt);
    case 'VehiclePresented':
      return reached(state, 'presented', event.data.presentedAt);
    case 'TestDriveBooked':
      return { ...state, testDriveBooked: true };
    case 'TestDriveCompleted':
      return reached(state, 'test-driven', event.data.drivenAt);
    case 'QuoteIssued':
      return reached(state, 'quoted', event.data.quotedAt);
    case 'ProspectOrdered':
      return {
        ...reached(state, 'ordered', event.data.orderedAt),
        status: 'ordered',
        grade: 'O',
        saleId: event.data.saleId,
        gradeBeforeOrder: state.grade as OpenGrade,
        scheduledContactAt: null,
      };
    case 'ProspectLost':
      return {
        ...state,
        status: 'lost',
        grade: 'F',
        scheduledContactAt: null,
        lost: { reason: event.data.reason, stage: event.data.stage, at: event.data.lostAt },
      };
    case 'ProspectReassigned':
      return { ...state, consultantId: event.data.toConsultantId };
    case 'ProspectReactivated':
      return {
        ...state,
        status: 'open',
        grade: event.data.grade,
        lost: null,
        lastContactAt: event.data.reactivatedAt,
      };
    case 'ProspectReopenedAfterCancellation':
      return {
        ...state,
        status: 'open',
        grade: event.data.grade,
        furthestStage: event.data.stage,
        gradeBeforeOrder: null,
        // The cancellation is news from the customer; the consultant calls them about it at once, not on
        // an interval counted from the order.
        lastContactAt: event.data.reopenedAt,
        scheduledContactAt: event.data.reopenedAt,
      };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};
