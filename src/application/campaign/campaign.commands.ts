import { Command } from '@nestjs/cqrs';
import type { CampaignCommand as DomainCampaignCommand } from '../../domain/campaign/campaign.commands';
import type { CommandContext, CommandResult } from '../shared/command-context';

/** Every campaign command is "load the campaign, decide, append". */
export class CampaignCommand extends Command<CommandResult> {
  constructor(
    readonly step: Readonly<{ type: DomainCampaignCommand['type']; data: DomainCampaignCommand['data'] }>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
