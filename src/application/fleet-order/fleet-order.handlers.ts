import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type {
  AllocateFleetVehicle,
  FleetOrderAccount,
  FleetOrderCommand,
} from '../../domain/fleet-order/fleet-order.commands';
import { fleetAccountStreamId } from '../../domain/fleet-account/fleet-account.state';
import { fleetAccountFeature } from '../fleet-account/fleet-account.feature';
import type { CommandContext, CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import type { CommandOf } from '../shared/feature';
import { executeAfterClaim } from '../shared/unique-claim';
import { claimVehicleVin } from '../vehicle-vin/vehicle-vin-claims';
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
    if (command.type === 'AllocateFleetVehicle') return this.allocate(command, context);
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

  /**
   * The VIN is claimed first (`vehiclevin-<VIN>`, docs/fleet.md): a VIN on another open order or sale is a
   * 409 VEHICLE_VIN_ALLOCATED and nothing is appended to the order; the allocation is checked before the
   * claim, so its own refusal (a full line) appends no claim either.
   */
  private allocate(
    command: FleetOrderBusCommand['command'],
    context: CommandContext,
  ): Promise<CommandResult> {
    const sent = command as CommandOf<AllocateFleetVehicle>;
    const { orderId, vin } = sent.data;
    return executeAfterClaim(this.pipeline, fleetOrderFeature, sent, context, async ({ state, revision }) => {
      // An unknown order was refused by the check (404).
      if (state.status === 'none') return;
      const holder = { kind: 'fleet-order', id: orderId, dealerId: state.dealerId } as const;
      await claimVehicleVin(this.pipeline, vin, holder, revision, context);
    });
  }

  private async account(accountId: string): Promise<FleetOrderAccount | null> {
    const state = await this.pipeline.currentState(fleetAccountFeature, fleetAccountStreamId(accountId));
    if (state.status === 'none') return null;
    return { accountId: state.accountId, dealerId: state.dealerId, openedAt: state.openedAt };
  }
}
