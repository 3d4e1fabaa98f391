import { Command } from '@nestjs/cqrs';
import type { FleetAccountCommand as DomainFleetAccountCommand } from '../../domain/fleet-account/fleet-account.commands';
import type { CommandContext, CommandResult } from '../shared/command-context';

/** Every fleet account command is "load the account, decide, append". */
export class FleetAccountCommand extends Command<CommandResult> {
  constructor(
    readonly step: Readonly<{
      type: DomainFleetAccountCommand['type'];
      data: DomainFleetAccountCommand['data'];
    }>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
