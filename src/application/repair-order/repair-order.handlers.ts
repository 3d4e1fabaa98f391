import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { repairOrderStreamId } from '../../domain/repair-order/repair-order.decider';
import type { EarlierSettledRepairOrder } from '../../domain/repair-order/repair-order.types';
import {
  type RepairOrderDetails,
  repairOrderDetailsProjection,
} from '../../projections/repair-order-details/repair-order-details.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { EVENT_STORE, type EventStore } from '../ports/event-store.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import type { CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import { AuthoriseWorkOrderCommand, ExecuteRepairOrderCommand } from './repair-order.commands';
import { repairOrderFeature } from './repair-order.feature';

const REPAIR_ORDERS = physicalCollection(repairOrderDetailsProjection);

@CommandHandler(ExecuteRepairOrderCommand)
export class ExecuteRepairOrderHandler implements ICommandHandler<ExecuteRepairOrderCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ command, context }: ExecuteRepairOrderCommand): Promise<CommandResult> {
    return this.pipeline.execute(repairOrderFeature, command, context);
  }
}

/**
 * Authorising the work order fixes the labour operations, so this is where rework is recognised. The
 * vehicle's earlier settled orders live in other streams: the handler reads them from the service
 * history read model and hands them to the pure decider. That read model is eventually consistent: an order
 * settled a moment ago may not be in it yet, and then the new order is not marked automatically (an
 * advisor can still mark it by hand). Comebacks within seconds of a settlement are rare enough to accept it.
 */
@CommandHandler(AuthoriseWorkOrderCommand)
export class AuthoriseWorkOrderHandler implements ICommandHandler<AuthoriseWorkOrderCommand, CommandResult> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  async execute({ data, context }: AuthoriseWorkOrderCommand): Promise<CommandResult> {
    const streamId = repairOrderStreamId(data.repairOrderId);
    const earlierSettled = await this.earlierSettled(streamId);
    return this.pipeline.execute(
      repairOrderFeature,
      { type: 'AuthoriseWorkOrder', data: { ...data, earlierSettled } },
      context,
    );
  }

  /** The same vehicle's settled orders at the same dealer; none while the order is not checked in. */
  private async earlierSettled(streamId: string): Promise<EarlierSettledRepairOrder[]> {
    const checkIn = (await this.eventStore.readStream(streamId)).find(
      (event) => event.type === 'VehicleCheckedIn',
    );
    if (!checkIn) return [];
    const { dealerId, vin } = checkIn.data as { dealerId: string; vin: string };
    const settled = await this.readStore.find<RepairOrderDetails>(REPAIR_ORDERS, {
      dealerId,
      vin,
      status: 'settled',
    });
    return settled.flatMap(({ repairOrderId, settledAt, operationCodes }) =>
      settledAt ? [{ repairOrderId, settledAt, operationCodes }] : [],
    );
  }
}
