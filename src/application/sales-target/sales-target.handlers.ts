import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import { SalesTargetCommand, SetForecastWeightsCommand } from './sales-target.commands';
import { forecastWeightsFeature, salesTargetFeature } from './sales-target.feature';

@CommandHandler(SalesTargetCommand)
export class SalesTargetHandler implements ICommandHandler<SalesTargetCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ step, context }: SalesTargetCommand): Promise<CommandResult> {
    return this.pipeline.execute(salesTargetFeature, step, context);
  }
}

@CommandHandler(SetForecastWeightsCommand)
export class SetForecastWeightsHandler implements ICommandHandler<SetForecastWeightsCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ data, context }: SetForecastWeightsCommand): Promise<CommandResult> {
    return this.pipeline.execute(forecastWeightsFeature, { type: 'SetForecastWeights', data }, context);
  }
}
