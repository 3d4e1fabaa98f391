import { Command } from '@nestjs/cqrs';
import type { CampaignCommand as DomainCampaignCommand } from '../../domain/campaign/campaign.commands';
import type { CommandContext, CommandResult } from '../shared/command-context';

type Sent<C extends { type: string; data: object }> = C extends unknown
  ? Readonly<{ type: C['type']; data: C['data'] }>
  : never;

/** Every campaign command is "load the campaign, decide, append". */
export class CampaignCommand extends Command<CommandResult> {
  constructor(
    readonly step: Sent<DomainCampaignCommand>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
