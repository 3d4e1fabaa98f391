import type { ProspectCommand } from '../../domain/prospect/prospect.commands';
import type { ProspectEvent } from '../../domain/prospect/prospect.events';
import type { ProspectState } from '../../domain/prospect/prospect.state';
import { DomainError } from '../../domain/shared/domain-error';
import type { OrderCancelled } from '../../domain/vehicle-sale/vehicle-sale.events';
import { WrongExpectedRevisionError } from '../ports/event-store.port';
import type { CommandPipeline } from '../shared/command-pipeline';
import type { Feature } from '../shared/feature';
import type { ReactorDefinition } from '../shared/reactor';

export const SALE_CANCELLATION_REACTOR = 'sale-cancellation';
const ATTEMPTS = 5;

/**
 * A cancelled vehicle sale re-opens the prospect that ordered it. The command's Idempotency-Key names this
 * reactor and the event, and the prospect ignores a cancellation of a sale that is not its current order
 * (the order handler's own clean-up of an orphan sale, or a replay), so each cancellation re-opens once.
 */
export const createSaleCancellationReactor = (
  pipeline: CommandPipeline,
  prospect: Feature<ProspectState, ProspectCommand, ProspectEvent>,
): ReactorDefinition => ({
  name: SALE_CANCELLATION_REACTOR,
  handles: ['OrderCancelled'],
  react: async (event, context) => {
    const { saleId, prospectId, reason } = event.data as OrderCancelled['data'];
    for (let attempt = 1; ; attempt += 1) {
      try {
        await pipeline.execute(
          prospect,
          { type: 'ReopenAfterCancelledSale', data: { prospectId, saleId, reason } },
          context.commandContext(),
        );
        return;
      } catch (error) {
        // A sale with no prospect file has nothing to re-open.
        if (error instanceof DomainError && error.code === 'PROSPECT_NOT_FOUND') return;
        // The consultant was working the file at the same moment: decide again on the new state.
        if (error instanceof WrongExpectedRevisionError && attempt < ATTEMPTS) continue;
        throw error;
      }
    }
  },
});
