import { Command } from '@nestjs/cqrs';
import type {
  ClubActivityCommand,
  SignUpForClubActivity,
} from '../../domain/club-activity/club-activity.commands';
import type { Command as DomainCommand } from '../../domain/shared/event';
import type { CommandContext, CommandResult } from '../shared/command-context';

/** A sign-up as a client sends it: the member's standing is read from the membership by the handler. */
export type SignUpRequest = DomainCommand<
  'SignUpForClubActivity',
  Omit<SignUpForClubActivity['data'], 'member'>
>;
/** The activity's commands as clients send them. */
export type ClubActivityRequest = Exclude<ClubActivityCommand, SignUpForClubActivity> | SignUpRequest;

/** Any club activity command on its way to the pipeline; the domain command's `type` says which. */
export class ExecuteClubActivityCommand extends Command<CommandResult> {
  constructor(
    readonly command: Readonly<{ type: ClubActivityRequest['type']; data: ClubActivityRequest['data'] }>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
