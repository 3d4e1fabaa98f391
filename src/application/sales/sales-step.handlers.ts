import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import { prospectFeature } from './prospect.feature';
import { LogWalkInGroupsCommand, ProspectStepCommand, VehicleSaleStepCommand } from './sales.commands';
import { showroomTrafficFeature } from './showroom-traffic.feature';
import { vehicleSaleFeature } from './vehicle-sale.feature';

@CommandHandler(ProspectStepCommand)
export class ProspectStepHandler implements ICommandHandler<ProspectStepCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ step, context }: ProspectStepCommand): Promise<CommandResult> {
    return this.pipeline.execute(prospectFeature, step, context);
  }
}

@CommandHandler(VehicleSaleStepCommand)
export class VehicleSaleStepHandler implements ICommandHandler<VehicleSaleStepCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ step, context }: VehicleSaleStepCommand): Promise<CommandResult> {
    return this.pipeline.execute(vehicleSaleFeature, step, context);
  }
}

@CommandHandler(LogWalkInGroupsCommand)
export class LogWalkInGroupsHandler implements ICommandHandler<LogWalkInGroupsCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ data, context }: LogWalkInGroupsCommand): Promise<CommandResult> {
    return this.pipeline.execute(showroomTrafficFeature, { type: 'LogWalkInGroups', data }, context);
  }
}
