import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CareTaskCommand } from '../../domain/care-task/care-task.commands';
import type { CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import type { CommandOf } from '../shared/feature';
import { linkUnknown } from '../../domain/care-task/care-task.errors';
import { repairOrderStreamId } from '../../domain/repair-order/repair-order.decider';
import { repairOrderFeature } from '../repair-order/repair-order.feature';
import { careConsentStreamId } from '../../domain/care-consent/care-consent';
import { dataSubjectStreamId } from '../../domain/privacy/privacy.events';
import { dataSubjectFeature } from '../privacy/data-subject.feature';
import { careConsentFeature } from './care-consent.feature';
import { careTaskOrigin } from './care-task-origins';
import { ExecuteCareTaskCommand } from './care-task.commands';
import { careTaskFeature } from './care-task.feature';

/** Adds the task's origin, read from its record, then decides as every command does. */
@CommandHandler(ExecuteCareTaskCommand)
export class ExecuteCareTaskHandler implements ICommandHandler<ExecuteCareTaskCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ command, context }: ExecuteCareTaskCommand): Promise<CommandResult> {
    const origin = await careTaskOrigin(this.pipeline, command.data.taskId);
    // A link on an attempt that is not `booked` is the decider's refusal (CARE_TASK_LINK_NOT_BOOKED).
    const link =
      command.type === 'RecordCareTaskAttempt' &&
      'outcome' in command.data &&
      command.data.outcome === 'booked'
        ? command.data.repairOrderId
        : undefined;
    if (link !== undefined) await this.refuseUnknownLink(command.data.taskId, link, origin.dealerId);
    const customer = command.type === 'QueueCareTaskMessage' ? await this.customer(origin.customerId) : {};
    const decidable = {
      type: command.type,
      data: { ...command.data, origin, ...customer },
    } as CommandOf<CareTaskCommand>;
    return this.pipeline.execute(careTaskFeature, decidable, context);
  }

  /** What a message needs to know of the customer: their consent facts, and whether they were forgotten. */
  private async customer(customerId: string) {
    const [consent, subject] = await Promise.all([
      this.pipeline.currentState(careConsentFeature, careConsentStreamId(customerId)),
      this.pipeline.currentState(dataSubjectFeature, dataSubjectStreamId(customerId)),
    ]);
    return {
      consents: consent.facts,
      forgottenAt: subject.status === 'forgotten' ? subject.forgottenAt : null,
    };
  }

  /** A booked attempt links a repair order of the task's dealer (booked or opened already). */
  private async refuseUnknownLink(taskId: string, repairOrderId: string, dealerId: string): Promise<void> {
    const repairOrder = await this.pipeline.currentState(
      repairOrderFeature,
      repairOrderStreamId(repairOrderId),
    );
    if (repairOrder.status === 'none')
      throw linkUnknown(taskId, repairOrderId, 'no such repair order: book the appointment first');
    if (repairOrder.dealerId !== dealerId)
      throw linkUnknown(taskId, repairOrderId, `it is dealer ${repairOrder.dealerId}'s, not ${dealerId}'s`);
  }
}
