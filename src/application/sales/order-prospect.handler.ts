import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { prospectStreamId } from '../../domain/prospect/prospect.decider';
import { ProspectNotFound } from '../../domain/prospect/prospect.errors';
import type { ProspectEvent } from '../../domain/prospect/prospect.events';
import type { ProspectState } from '../../domain/prospect/prospect.state';
import { DomainError } from '../../domain/shared/domain-error';
import { VehicleSaleAlreadySigned } from '../../domain/vehicle-sale/vehicle-sale.errors';
import { EVENT_STORE, type EventStore, WrongExpectedRevisionError } from '../ports/event-store.port';
import type { CommandContext } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import { deterministicUuid } from '../shared/deterministic-id';
import { EventCatalog } from '../shared/event-catalog';
import { prospectFeature } from './prospect.feature';
import { type OrderOutcome, OrderProspectCommand } from './sales.commands';
import { vehicleSaleFeature } from './vehicle-sale.feature';

const prospects = prospectFeature.decider;

/**
 * A prospect's first sale's id is derived from the prospect's id alone; after a cancelled sale re-opened it,
 * the next order's id is derived from the cancelled one, so a retry of any order finds the same sale.
 */
export const saleIdOf = (prospectId: string, cancelledSaleId: string | null = null): string =>
  deterministicUuid(
    cancelledSaleId === null
      ? `vehiclesale|${prospectId}`
      : `vehiclesale|${prospectId}|after|${cancelledSaleId}`,
  );

/**
 * Ordering opens the vehicle sale: `OrderSigned` on the new sale stream, then `ProspectOrdered` (grade O)
 * on the prospect, referencing it. EventStoreDB has no multi-stream transaction, so the order of the two
 * appends and the deterministic sale id make it recoverable: a retry (same Idempotency-Key, or none) finds
 * the sale already signed for this prospect and only appends the missing `ProspectOrdered`.
 *
 * The prospect's rules are checked before anything is appended (a lost or unquoted prospect appends
 * nothing). If the prospect still refuses after the sale was signed (it changed in between), the sale is
 * cancelled at once, so no orphan sale stays open.
 */
@CommandHandler(OrderProspectCommand)
export class OrderProspectHandler implements ICommandHandler<OrderProspectCommand, OrderOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly catalog: EventCatalog,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  async execute({ prospectId, terms, context }: OrderProspectCommand): Promise<OrderOutcome> {
    const { state, revision } = await this.prospect(prospectId);
    if (state.status === 'none') throw new ProspectNotFound(prospectId);
    // A stale If-Match is refused before the sale is signed, not after.
    if (context.expectedRevision !== undefined && context.expectedRevision !== revision)
      throw new WrongExpectedRevisionError(prospectStreamId(prospectId), context.expectedRevision, revision);
    const saleId =
      state.status === 'ordered' && state.saleId !== null ? state.saleId : saleIdOf(prospectId, state.saleId);
    const order = {
      type: 'OrderProspect' as const,
      data: { prospectId, saleId, model: terms.model, priceFen: terms.listPriceFen - terms.discountFen },
    };
    let signedNow = false;
    if (state.status !== 'ordered') {
      prospects.decide(
        { ...order, metadata: { now: new Date(context.now).toISOString(), actor: context.actor } },
        state,
      );
      signedNow = await this.sign(saleId, state, terms, context);
    }
    try {
      const result = await this.pipeline.execute(prospectFeature, order, context);
      return { prospectId, saleId, result };
    } catch (error) {
      if (signedNow && (error instanceof DomainError || error instanceof WrongExpectedRevisionError)) {
        await this.pipeline.execute(
          vehicleSaleFeature,
          {
            type: 'CancelOrder',
            data: {
              saleId,
              reason: `prospect ${prospectId} refused the order: ${error instanceof DomainError ? error.code : 'WRONG_EXPECTED_REVISION'}`,
            },
          },
          { ...context, idempotencyKey: undefined, requestHash: undefined, expectedRevision: undefined },
        );
      }
      throw error;
    }
  }

  private async prospect(prospectId: string): Promise<{ state: ProspectState; revision: number }> {
    const history = await this.eventStore.readStream(prospectStreamId(prospectId));
    const state = history
      .map(this.catalog.upcast)
      .reduce<ProspectState>(
        (state, stored) => prospects.evolve(state, { type: stored.type, data: stored.data } as ProspectEvent),
        prospects.initialState(),
      );
    return { state, revision: history.length - 1 };
  }

  /** Signs the sale; true when this call appended it, false when an earlier attempt already had. */
  private async sign(
    saleId: string,
    state: Extract<ProspectState, { prospectId: string }>,
    terms: OrderProspectCommand['terms'],
    context: CommandContext,
  ): Promise<boolean> {
    // The buyer's details join the prospect's contact as the sale's customer, never as loose fields.
    const { buyer, ...saleTerms } = terms;
    try {
      const signed = await this.pipeline.execute(
        vehicleSaleFeature,
        {
          type: 'SignOrder',
          data: {
            ...saleTerms,
            saleId,
            prospectId: state.prospectId,
            dealerId: state.dealerId,
            consultantId: state.consultantId,
            customer: {
              ...state.contact,
              ...(buyer?.idNumber ? { idNumber: buyer.idNumber } : {}),
              ...(buyer?.address ? { address: buyer.address } : {}),
            },
          },
        },
        // If-Match is about the prospect, never the new sale stream.
        { ...context, expectedRevision: undefined },
      );
      return !signed.replayed;
    } catch (error) {
      if (error instanceof VehicleSaleAlreadySigned && error.prospectId === state.prospectId) return false;
      throw error;
    }
  }
}
