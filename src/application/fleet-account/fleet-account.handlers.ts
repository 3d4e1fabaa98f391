import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RegisterFleetVehicle } from '../../domain/fleet-account/fleet-account.commands';
import type { CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import type { CommandOf } from '../shared/feature';
import { FleetAccountCommand } from './fleet-account.commands';
import { fleetAccountFeature } from './fleet-account.feature';
import { registerFleetVehicle } from './register-fleet-vehicle';

/** The account's steps; a registration claims its VIN first (one fleet account per vehicle). */
@CommandHandler(FleetAccountCommand)
export class FleetAccountHandler implements ICommandHandler<FleetAccountCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ step, context }: FleetAccountCommand): Promise<CommandResult> {
    if (step.type === 'RegisterFleetVehicle')
      return registerFleetVehicle(this.pipeline, step as CommandOf<RegisterFleetVehicle>, context);
    return this.pipeline.execute(fleetAccountFeature, step, context);
  }
}
