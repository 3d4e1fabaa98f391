import type { Decider } from '../shared/event';
import { addHours, isOnOrBefore } from '../shared/time';
import type { AcknowledgeComplaint, ComplaintCommand, FileComplaint } from './complaint.commands';
import {
  ComplaintActionBeforeFiling,
  ComplaintAlreadyAcknowledged,
  ComplaintAlreadyFiled,
  ComplaintNotFound,
} from './complaint.errors';
import type { ComplaintAcknowledged, ComplaintEvent, ComplaintFiled } from './complaint.events';
import { type ComplaintSlaPolicy, DEFAULT_COMPLAINT_SLA_POLICY } from './complaint-sla-policy';
import type { ComplaintLevel, ComplaintSeverity } from './complaint.types';

type Open = Readonly<{
  complaintId: string;
  dealerId: string;
  level: ComplaintLevel;
  severity: ComplaintSeverity;
  filedAt: string;
  acknowledgeBy: string;
  resolveBy: string;
}>;

export type ComplaintState =
  | Readonly<{ status: 'none' }>
  | (Open & Readonly<{ status: 'filed' }>)
  | (Open & Readonly<{ status: 'acknowledged'; acknowledgedAt: string }>);

const file = (
  command: FileComplaint,
  state: ComplaintState,
  policy: ComplaintSlaPolicy,
): ComplaintFiled[] => {
  if (state.status !== 'none') throw new ComplaintAlreadyFiled(command.data.complaintId);
  const { data, metadata } = command;
  const level = data.level ?? 'L1';
  return [
    {
      type: 'ComplaintFiled',
      data: {
        complaintId: data.complaintId,
        dealerId: data.dealerId,
        channel: data.channel,
        category: data.category,
        severity: data.severity,
        level,
        customer: data.customer,
        relatedSaleId: data.relatedSaleId ?? null,
        relatedRepairOrderId: data.relatedRepairOrderId ?? null,
        description: data.description,
        remedySought: data.remedySought,
        filedAt: metadata.now,
        slaPolicyVersion: policy.version,
        acknowledgeBy: addHours(metadata.now, policy.acknowledgeWithinHours[level]),
        resolveBy: addHours(metadata.now, policy.resolveWithinHours[data.severity]),
      },
    },
  ];
};

const acknowledge = (command: AcknowledgeComplaint, state: ComplaintState): ComplaintAcknowledged[] => {
  const { complaintId, note } = command.data;
  const now = command.metadata.now;
  switch (state.status) {
    case 'none':
      throw new ComplaintNotFound(complaintId);
    case 'acknowledged':
      throw new ComplaintAlreadyAcknowledged(complaintId, state.acknowledgedAt);
    case 'filed':
      if (!isOnOrBefore(state.filedAt, now))
        throw new ComplaintActionBeforeFiling(complaintId, state.filedAt, now);
      return [
        {
          type: 'ComplaintAcknowledged',
          data: {
            complaintId,
            dealerId: state.dealerId,
            acknowledgedAt: now,
            note: note ?? null,
            acknowledgeBy: state.acknowledgeBy,
            onTime: isOnOrBefore(now, state.acknowledgeBy),
          },
        },
      ];
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
};

const evolve = (state: ComplaintState, event: ComplaintEvent): ComplaintState => {
  switch (event.type) {
    case 'ComplaintFiled': {
      const { complaintId, dealerId, level, severity, filedAt, acknowledgeBy, resolveBy } = event.data;
      return { status: 'filed', complaintId, dealerId, level, severity, filedAt, acknowledgeBy, resolveBy };
    }
    case 'ComplaintAcknowledged':
      return state.status === 'none'
        ? state
        : { ...state, status: 'acknowledged', acknowledgedAt: event.data.acknowledgedAt };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};

/** The complaint's closed loop; the SLA policy is a parameter so a new version never touches this code. */
export const createComplaintDecider = (
  policy: ComplaintSlaPolicy = DEFAULT_COMPLAINT_SLA_POLICY,
): Decider<ComplaintState, ComplaintCommand, ComplaintEvent> => ({
  initialState: () => ({ status: 'none' }),
  evolve,
  decide: (command, state) => {
    switch (command.type) {
      case 'FileComplaint':
        return file(command, state, policy);
      case 'AcknowledgeComplaint':
        return acknowledge(command, state);
      default: {
        const unreachable: never = command;
        return unreachable;
      }
    }
  },
});

export const complaintStreamId = (complaintId: string): string => `complaint-${complaintId}`;
