import { Command } from '@nestjs/cqrs';
import type { SetForecastWeights } from '../../domain/forecast-weights/forecast-weights';
import type { SalesTargetCommand as DomainSalesTargetCommand } from '../../domain/sales-target/sales-target.commands';
import type { CommandContext, CommandResult } from '../shared/command-context';

type Sent<C extends { type: string; data: object }> = C extends unknown
  ? Readonly<{ type: C['type']; data: C['data'] }>
  : never;

/** Setting or revising one target line (both are "load the month, decide, append"). */
export class SalesTargetCommand extends Command<CommandResult> {
  constructor(
    readonly step: Sent<DomainSalesTargetCommand>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class SetForecastWeightsCommand extends Command<CommandResult> {
  constructor(
    readonly data: SetForecastWeights['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}
