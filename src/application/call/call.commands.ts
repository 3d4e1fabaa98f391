import { Command } from '@nestjs/cqrs';
import type { AnswerCall, EndCall, StartCall } from '../../domain/call/call.commands';
import type { Command as DomainCommand } from '../../domain/shared/event';
import type { CommandContext, CommandResult } from '../shared/command-context';

/**
 * A call's start as the connector reports it: the caller's (or the called) phone as the call centre shows it (absent when
 * withheld). The handler turns it into its blind index and the customers it names; it goes no further.
 */
export type ReportCallStart = DomainCommand<
  'StartCall',
  Omit<StartCall['data'], 'numberHash' | 'customerIds' | 'complaintIds'> & { phone?: string }
>;

/** What the connector sends: a start, an answer, an end. */
export type CallReport = ReportCallStart | AnswerCall | EndCall;

/** Any call event from the connector on its way to the pipeline. */
export class ExecuteCallCommand extends Command<CommandResult> {
  constructor(
    readonly command: Readonly<{ type: CallReport['type']; data: CallReport['data'] }>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
