import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import { ExecuteCareVehicleCommand } from './care-vehicle.commands';
import { careVehicleFeature } from './care-vehicle.feature';

@CommandHandler(ExecuteCareVehicleCommand)
export class ExecuteCareVehicleHandler implements ICommandHandler<ExecuteCareVehicleCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ command, context }: ExecuteCareVehicleCommand): Promise<CommandResult> {
    return this.pipeline.execute(careVehicleFeature, command, context);
  }
}
