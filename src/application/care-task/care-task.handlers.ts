import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CareTaskCommand } from '../../domain/care-task/care-task.commands';
import type { CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import type { CommandOf } from '../shared/feature';
import { careTaskOrigin } from './care-task-origins';
import { ExecuteCareTaskCommand } from './care-task.commands';
import { careTaskFeature } from './care-task.feature';

/** Adds the task's origin, read from its record, then decides as every command does. */
@CommandHandler(ExecuteCareTaskCommand)
export class ExecuteCareTaskHandler implements ICommandHandler<ExecuteCareTaskCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ command, context }: ExecuteCareTaskCommand): Promise<CommandResult> {
    const origin = await careTaskOrigin(this.pipeline, command.data.taskId);
    const decidable = { type: command.type, data: { ...command.data, origin } } as CommandOf<CareTaskCommand>;
    return this.pipeline.execute(careTaskFeature, decidable, context);
  }
}
