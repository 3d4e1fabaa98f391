import type { LeadCommand } from '../../domain/lead/lead.commands';
import type { LeadEvent } from '../../domain/lead/lead.events';
import type { LeadState } from '../../domain/lead/lead.state';
import { prospectLeadsStreamId } from '../../domain/lead/lead-prospect-index';
import type { ProspectLost, ProspectOrdered } from '../../domain/prospect/prospect.events';
import { DomainError } from '../../domain/shared/domain-error';
import type { StoredEvent } from '../ports/event-store.port';
import { WrongExpectedRevisionError } from '../ports/event-store.port';
import type { CommandContext } from '../shared/command-context';
import type { CommandPipeline } from '../shared/command-pipeline';
import type { CommandOf, Feature } from '../shared/feature';
import type { ReactorDefinition } from '../shared/reactor';
import { prospectLeadsFeature } from './prospect-leads.feature';

export const LEAD_CONVERSION_REACTOR = 'lead-conversion';
const ATTEMPTS = 5;

type LeadFeature = Feature<LeadState, LeadCommand, LeadEvent>;

/** What the prospect's order or loss means for a lead that became it. */
export const outcomeCommand = (
  leadId: string,
  event: Pick<ProspectOrdered, 'type' | 'data'> | Pick<ProspectLost, 'type' | 'data'>,
): CommandOf<LeadCommand> =>
  event.type === 'ProspectOrdered'
    ? {
        type: 'RecordLeadConversion',
        data: {
          leadId,
          prospectId: event.data.prospectId,
          saleId: event.data.saleId,
          orderedAt: event.data.orderedAt,
        },
      }
    : {
        type: 'RecordLeadProspectLoss',
        data: {
          leadId,
          prospectId: event.data.prospectId,
          reason: event.data.reason,
          lostAt: event.data.lostAt,
        },
      };

/** Records the outcome on the lead; a lead that no longer follows the prospect (not linked) takes nothing. */
export const recordOutcome = async (
  pipeline: CommandPipeline,
  lead: LeadFeature,
  command: CommandOf<LeadCommand>,
  context: CommandContext,
): Promise<void> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await pipeline.execute(lead, command, context);
      return;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'LEAD_NOT_LINKED') return;
      if (error instanceof WrongExpectedRevisionError && attempt < ATTEMPTS) continue;
      throw error;
    }
  }
};

/**
 * A lead's conversion is its prospect's order: when a prospect orders (or is lost), every lead that became
 * it records the outcome, stamped with the order's business time, so the lead KPIs stay a pure function of
 * the lead streams. The leads are found in the prospect's own index stream, read from the event store (no
 * read model lag). A lead linked while the order was being appended is covered by the linking handler,
 * which reads the prospect after writing the index (docs/leads.md).
 */
export const createLeadConversionReactor = (
  pipeline: CommandPipeline,
  lead: LeadFeature,
): ReactorDefinition => ({
  name: LEAD_CONVERSION_REACTOR,
  handles: ['ProspectOrdered', 'ProspectLost'],
  react: async (event: StoredEvent, context) => {
    const outcome = { type: event.type, data: event.data } as Pick<ProspectOrdered, 'type' | 'data'>;
    const prospectId = String(event.data.prospectId);
    const { leadIds } = await pipeline.currentState(prospectLeadsFeature, prospectLeadsStreamId(prospectId));
    for (const leadId of leadIds)
      await recordOutcome(pipeline, lead, outcomeCommand(leadId, outcome), context.commandContext(leadId));
  },
});
