import type { Command } from '../shared/event';
import type { CallDirection } from './call.events';

/** The call centre reports a call started; its business time (`now`) is when it started. */
export type StartCall = Command<
  'StartCall',
  {
    callId: string;
    dealerId: string;
    agentId: string;
    direction: CallDirection;
    numberHash: string | null;
    customerIds: readonly string[];
    complaintIds: readonly string[];
  }
>;
/** Answered at `now` (outbound: the customer picked up). */
export type AnswerCall = Command<'AnswerCall', { callId: string }>;
export type EndCall = Command<'EndCall', { callId: string; durationSeconds?: number; recordingRef?: string }>;

export type CallCommand = StartCall | AnswerCall | EndCall;
