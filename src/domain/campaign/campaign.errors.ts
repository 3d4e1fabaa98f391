import { DomainError } from '../shared/domain-error';

export class CampaignNotFound extends DomainError {
  constructor(campaignId: string) {
    super('CAMPAIGN_NOT_FOUND', 'not-found', `campaign ${campaignId} does not exist: launch it first`, {
      campaignId,
    });
  }
}

export class CampaignAlreadyLaunched extends DomainError {
  constructor(campaignId: string) {
    super(
      'CAMPAIGN_ALREADY_LAUNCHED',
      'already-exists',
      `campaign ${campaignId} is launched already: use a new id, or revise its period`,
      { campaignId },
    );
  }
}

/** A step the campaign's state forbids (422); the code says which rule. */
export class CampaignRuleViolated extends DomainError {
  constructor(code: string, campaignId: string, message: string, details: Record<string, unknown> = {}) {
    super(code, 'forbidden-transition', `campaign ${campaignId} ${message}`, { campaignId, ...details });
  }
}

export const periodInvalid = (campaignId: string, from: string, to: string) =>
  new CampaignRuleViolated(
    'CAMPAIGN_PERIOD_INVALID',
    campaignId,
    `cannot run from ${from} to ${to}: the period's last day is on or after its first`,
    { from, to },
  );

export const campaignClosed = (campaignId: string) =>
  new CampaignRuleViolated('CAMPAIGN_CLOSED', campaignId, 'is closed: its costs and period are final');

export const dealerNotInCampaign = (campaignId: string, dealerId: string) =>
  new CampaignRuleViolated(
    'CAMPAIGN_DEALER_NOT_IN_CAMPAIGN',
    campaignId,
    `does not run at dealer ${dealerId}: book the cost to one of its dealers or to the network`,
    { dealerId },
  );

export const periodUnchanged = (campaignId: string) =>
  new CampaignRuleViolated('CAMPAIGN_PERIOD_UNCHANGED', campaignId, 'already has this period');
