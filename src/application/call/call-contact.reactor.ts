import type { CallAnswered } from '../../domain/call/call.events';
import type { ComplaintCommand } from '../../domain/complaint/complaint.commands';
import type { ComplaintEvent } from '../../domain/complaint/complaint.events';
import type { ComplaintState } from '../../domain/complaint/complaint.state';
import { DomainError } from '../../domain/shared/domain-error';
import { WrongExpectedRevisionError } from '../ports/event-store.port';
import type { CommandPipeline } from '../shared/command-pipeline';
import type { Feature } from '../shared/feature';
import type { ReactorDefinition } from '../shared/reactor';

export const CALL_CONTACT_REACTOR = 'call-contact';
const ATTEMPTS = 5;
/** A complaint that cannot take a contact any more (closed since the call started) has none to record. */
const NOTHING_TO_RECORD = new Set([
  'COMPLAINT_CLOSED',
  'COMPLAINT_ACTION_BEFORE_FILING',
  'COMPLAINT_NOT_FOUND',
]);

/**
 * An answered call is a contact on the customer's open complaints (domain: "a call matched to a customer
 * is a contact on their open records"): each `CallAnswered` records a phone contact on every complaint
 * its start named, dated when it was answered. An unanswered call is not a contact, so nothing reacts to
 * an end. The Idempotency-Key names the event and the complaint, so a crash records nothing twice.
 */
export const createCallContactReactor = (
  pipeline: CommandPipeline,
  complaint: Feature<ComplaintState, ComplaintCommand, ComplaintEvent>,
): ReactorDefinition => ({
  name: CALL_CONTACT_REACTOR,
  handles: ['CallAnswered'],
  react: async (event, context) => {
    const { callId, direction, agentId, complaintIds } = event.data as CallAnswered['data'];
    const summary = `${direction} call ${callId} with agent ${agentId} of the call centre`;
    for (const complaintId of complaintIds) {
      const command = {
        type: 'RecordCustomerContact' as const,
        data: { complaintId, channel: 'phone' as const, summary },
      };
      for (let attempt = 1; ; attempt += 1) {
        try {
          await pipeline.execute(complaint, command, context.commandContext(complaintId));
          break;
        } catch (error) {
          if (error instanceof DomainError && NOTHING_TO_RECORD.has(error.code)) break;
          // The desk was working the complaint at the same moment: decide again on the new state.
          if (error instanceof WrongExpectedRevisionError && attempt < ATTEMPTS) continue;
          throw error;
        }
      }
    }
  },
});
