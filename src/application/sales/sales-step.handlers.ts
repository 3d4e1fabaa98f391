import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createProspectDecider, prospectStreamId } from '../../domain/prospect/prospect.decider';
import { showroomTrafficDecider, showroomTrafficStreamId } from '../../domain/showroom/showroom-traffic';
import {
  createVehicleSaleDecider,
  vehicleSaleStreamId,
} from '../../domain/vehicle-sale/vehicle-sale.decider';
import type { CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import { LogWalkInGroupsCommand, ProspectStepCommand, VehicleSaleStepCommand } from './sales.commands';

const prospects = createProspectDecider();
const sales = createVehicleSaleDecider();

@CommandHandler(ProspectStepCommand)
export class ProspectStepHandler implements ICommandHandler<ProspectStepCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ step, context }: ProspectStepCommand): Promise<CommandResult> {
    return this.pipeline.execute(prospects, prospectStreamId(step.data.prospectId), step, context);
  }
}

@CommandHandler(VehicleSaleStepCommand)
export class VehicleSaleStepHandler implements ICommandHandler<VehicleSaleStepCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ step, context }: VehicleSaleStepCommand): Promise<CommandResult> {
    return this.pipeline.execute(sales, vehicleSaleStreamId(step.data.saleId), step, context);
  }
}

@CommandHandler(LogWalkInGroupsCommand)
export class LogWalkInGroupsHandler implements ICommandHandler<LogWalkInGroupsCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ data, context }: LogWalkInGroupsCommand): Promise<CommandResult> {
    return this.pipeline.execute(
      showroomTrafficDecider,
      showroomTrafficStreamId(data.dealerId, data.date),
      { type: 'LogWalkInGroups', data },
      context,
    );
  }
}
