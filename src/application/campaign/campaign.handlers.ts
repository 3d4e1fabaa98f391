import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import { CampaignCommand } from './campaign.commands';
import { campaignFeature } from './campaign.feature';

@CommandHandler(CampaignCommand)
export class CampaignHandler implements ICommandHandler<CampaignCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ step, context }: CampaignCommand): Promise<CommandResult> {
    return this.pipeline.execute(campaignFeature, step, context);
  }
}
