import type { CallDayReport } from '../../../application/call/call.queries';
import type { AgentCallFigures } from '../../../domain/call/call-report';
import type { CallDirection } from '../../../domain/call/call.events';
import type { CallDetails } from '../../../projections/call-details/call-details.projection';

export class CallView implements CallDetails {
  /** The call centre's call id. @example k-20260302-0001 */
  callId!: string;
  /** @example d-sh-01 */
  dealerId!: string;
  /** @example ag-wang */
  agentId!: string;
  /** @example inbound */
  direction!: CallDirection;
  /** The CST day the call started: the report's day. @example 2026-03-02 */
  date!: string;
  /** @example 2026-03-02T02:00:00.000Z */
  startedAt!: string;
  /** @example 2026-03-02T02:00:12.000Z */
  answeredAt!: string | null;
  /** @example 2026-03-02T02:03:12.000Z */
  endedAt!: string | null;
  /** `abandoned` (inbound) or `not-reached` (outbound): ended with no answer known. @example ended */
  status!: CallDetails['status'];
  /** The call centre's own figure, as sent. @example 192 */
  durationSeconds!: number | null;
  /** The recording's reference at the call centre. @example rec-2026-03-02-000317 */
  recordingRef!: string | null;
  /** The customers the number named at the dealer when the call started (the number is not kept). @example ["cu-1"] */
  customerIds!: string[];
  /** Their complaints at the dealer not closed when the call started: an answered call is recorded as a phone contact on each. @example ["c-2026-000142"] */
  complaintIds!: string[];
  /** The call's revision: the ETag. @example 2 */
  revision!: number;
}

export class AgentCallFiguresView implements AgentCallFigures {
  /** @example d-sh-01 */
  dealerId!: string;
  /** @example ag-wang */
  agentId!: string;
  /** Calls that started on the day. @example 12 */
  calls!: number;
  /** @example 9 */
  inbound!: number;
  /** @example 3 */
  outbound!: number;
  /** Answered, whenever (an inbound call answered after 20 s is answered and missed). @example 10 */
  answered!: number;
  /** Inbound calls not answered within 20 s (inclusive): answered later, abandoned, or still ringing past 20 s. Outbound calls are never missed. @example 2 */
  missed!: number;
  /** Neither answered nor ended yet. @example 0 */
  ringing!: number;
  /** Answered and ended: the calls the average is over. @example 9 */
  handled!: number;
  /** Mean of answered → ended over the handled calls, in seconds, one decimal; null when none. @example 143.5 */
  averageHandlingSeconds!: number | null;
}

export class CallDayReportView implements CallDayReport {
  /** @example 2026-03-02 */
  date!: string;
  /** When the report was read. @example 2026-03-02T10:00:00.000Z */
  asOf!: string;
  /** One row per dealer and agent with a call that day, by dealer then agent. */
  agents!: AgentCallFiguresView[];
}
