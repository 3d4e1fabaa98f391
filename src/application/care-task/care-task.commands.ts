import { Command } from '@nestjs/cqrs';
import type { CareTaskCommand } from '../../domain/care-task/care-task.commands';
import type { Command as DomainCommand } from '../../domain/shared/event';
import type { CommandContext, CommandResult } from '../shared/command-context';

/**
 * A command as the caller sends it: the task's origin (read from its record), and for a message the
 * customer's consent and forgetting (read from their streams), are added by the handler, never sent.
 */
export type CareTaskRequest = CareTaskCommand extends infer C
  ? C extends DomainCommand
    ? DomainCommand<C['type'], Omit<C['data'], 'origin' | 'consents' | 'forgottenAt'>>
    : never
  : never;

export class ExecuteCareTaskCommand extends Command<CommandResult> {
  constructor(
    readonly command: Readonly<{ type: CareTaskRequest['type']; data: CareTaskRequest['data'] }>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
