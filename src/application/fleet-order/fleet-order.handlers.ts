import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { FleetOrderAccount, FleetOrderCommand } from '../../domain/fleet-order/fleet-order.commands';
import { fleetAccountStreamId } from '../../domain/fleet-account/fleet-account.state';
import { fleetAccountFeature } from '../fleet-account/fleet-account.feature';
import type { CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import type { CommandOf } from '../shared/feature';
import { FleetOrderBusCommand, type SignFleetOrderRequest } from './fleet-order.commands';
import { fleetOrderFeature } from './fleet-order.feature';

/**
 * Fleet order commands: load the order, decide, append. The signing first reads the fleet account from its
 * stream (no read-model lag) and hands it to the decider, which refuses an unknown account or another
 * dealer's.
 */
@CommandHandler(FleetOrderBusCommand)
export class FleetOrderHandler implements ICommandHandler<FleetOrderBusCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ command, context }: FleetOrderBusCommand): Promise<CommandResult> {
    if (command.type !== 'SignFleetOrder')
      return this.pipeline.execute(fleetOrderFeature, command as CommandOf<FleetOrderCommand>, context);
    const data = command.data as SignFleetOrderRequest['data'];
    const account = await this.account(data.accountId);
    return this.pipeline.execute(
      fleetOrderFeature,
      { type: 'SignFleetOrder', data: { ...data, account } },
      context,
    );
  }

  private async account(accountId: string): Promise<FleetOrderAccount | null> {
    const state = await this.pipeline.currentState(fleetAccountFeature, fleetAccountStreamId(accountId));
    if (state.status === 'none') return null;
    return { accountId: state.accountId, dealerId: state.dealerId, openedAt: state.openedAt };
  }
}
