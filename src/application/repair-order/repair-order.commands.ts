import { Command } from '@nestjs/cqrs';
import type { AuthoriseWorkOrder, RepairOrderCommand } from '../../domain/repair-order/repair-order.commands';
import type { CommandContext, CommandResult } from '../shared/command-context';

/** Any repair-order command that needs nothing but its own stream: the pipeline does all of it. */
export type PlainRepairOrderCommand = Exclude<RepairOrderCommand, AuthoriseWorkOrder>;

/**
 * One message class for the plain commands: twelve identical handler classes would only repeat the
 * pipeline call. The authorisation has its own, because it reads the service history first.
 */
export class ExecuteRepairOrderCommand extends Command<CommandResult> {
  constructor(
    readonly command: Readonly<{
      type: PlainRepairOrderCommand['type'];
      data: PlainRepairOrderCommand['data'];
    }>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class AuthoriseWorkOrderCommand extends Command<CommandResult> {
  constructor(
    readonly data: Omit<AuthoriseWorkOrder['data'], 'earlierSettled'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
