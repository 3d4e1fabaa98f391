import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import { FleetAccountCommand } from './fleet-account.commands';
import { fleetAccountFeature } from './fleet-account.feature';

@CommandHandler(FleetAccountCommand)
export class FleetAccountHandler implements ICommandHandler<FleetAccountCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ step, context }: FleetAccountCommand): Promise<CommandResult> {
    return this.pipeline.execute(fleetAccountFeature, step, context);
  }
}
