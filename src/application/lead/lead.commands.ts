import { Command } from '@nestjs/cqrs';
import type {
  AcceptLead,
  HandLead,
  HandLeadAgain,
  LoseLead,
  RecordLeadContact,
} from '../../domain/lead/lead.commands';
import type { OpenGrade } from '../../domain/prospect/prospect.types';
import type { CommandContext, CommandResult } from '../shared/command-context';

/** The lead's steps sent from the API as they are (the watcher and the reactor send the others). */
export type LeadStep = AcceptLead | RecordLeadContact | LoseLead | HandLeadAgain;

export class LeadStepCommand extends Command<CommandResult> {
  constructor(
    readonly step: Readonly<{ type: LeadStep['type']; data: LeadStep['data'] }>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A new lead, with the customer's phone in clear: the handler keeps its blind index beside it. */
export class HandLeadCommand extends Command<CommandResult> {
  constructor(
    readonly data: Omit<HandLead['data'], 'phoneHash'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export type LeadProspectOutcome = Readonly<{
  leadId: string;
  prospectId: string;
  /** True when the lead joined the prospect the dealer already had with that phone. */
  merged: boolean;
  result: CommandResult;
}>;

/** The contacted lead becomes a prospect file, or joins the dealer's existing one with that phone. */
export class OpenLeadProspectCommand extends Command<LeadProspectOutcome> {
  constructor(
    readonly leadId: string,
    readonly file: Readonly<{ consultantId: string; grade: OpenGrade }>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
