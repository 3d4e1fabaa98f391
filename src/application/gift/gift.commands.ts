import { Command } from '@nestjs/cqrs';
import type { GiftCommand } from '../../domain/gift/gift.commands';
import type { CommandContext, CommandResult } from '../shared/command-context';

/** Any gift command on its way to the pipeline; redemption and cancellation also touch the membership. */
export class ExecuteGiftCommand extends Command<CommandResult> {
  constructor(
    readonly command: Readonly<{ type: GiftCommand['type']; data: GiftCommand['data'] }>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
