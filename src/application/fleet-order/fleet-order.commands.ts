import { Command } from '@nestjs/cqrs';
import type {
  FleetOrderCommand as DomainFleetOrderCommand,
  SignFleetOrder,
} from '../../domain/fleet-order/fleet-order.commands';
import type { Command as DomainCommand } from '../../domain/shared/event';
import type { CommandContext, CommandResult } from '../shared/command-context';

/** The signing as a caller sends it: the handler adds the fleet account as its stream says it. */
export type SignFleetOrderRequest = DomainCommand<'SignFleetOrder', Omit<SignFleetOrder['data'], 'account'>>;

/** The fleet order commands as callers send them. */
export type FleetOrderRequest = Exclude<DomainFleetOrderCommand, SignFleetOrder> | SignFleetOrderRequest;

/** Every fleet order command on its way to the pipeline; the signing also reads the fleet account. */
export class FleetOrderBusCommand extends Command<CommandResult> {
  constructor(
    readonly command: Readonly<{ type: FleetOrderRequest['type']; data: FleetOrderRequest['data'] }>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
