import { webhookSubscriptionDecider } from '../../../../src/domain/webhook/webhook-subscription.decider';
import type {
  WebhookSubscriptionCommand,
  WebhookSubscriptionEvent,
} from '../../../../src/domain/webhook/webhook-subscription.events';
import { deciderSpecification } from '../../../support/decider-specification';

const spec = deciderSpecification(webhookSubscriptionDecider);
const metadata = {
  now: '2026-03-02T02:00:00.000Z',
  actor: { userId: 'admin', role: 'admin', dealerId: null },
};
const command = (c: Omit<WebhookSubscriptionCommand, 'metadata'>) =>
  ({ ...c, metadata }) as WebhookSubscriptionCommand;
const subscription = {
  subscriptionId: 'wh-1',
  url: 'https://hooks.example.com/crm',
  types: [],
  dealerId: null,
  sealedSecret: 'v1.x',
};
const subscribed: WebhookSubscriptionEvent = {
  type: 'WebhookSubscribed',
  data: { ...subscription, subscribedAt: '2026-03-01T00:00:00.000Z' },
};
const disabled: WebhookSubscriptionEvent = {
  type: 'WebhookDisabled',
  data: { subscriptionId: 'wh-1', reason: 'failing', disabledAt: '2026-03-01T01:00:00.000Z' },
};

describe('webhook subscription decider', () => {
  it('subscribes once', () => {
    spec
      .given([])
      .when(command({ type: 'SubscribeWebhook', data: subscription }))
      .then([{ type: 'WebhookSubscribed', data: { ...subscription, subscribedAt: metadata.now } }]);
    spec
      .given([subscribed])
      .when(command({ type: 'SubscribeWebhook', data: subscription }))
      .thenThrows('WEBHOOK_ALREADY_EXISTS');
  });

  it('disables an active subscription, and a disabled one again decides nothing', () => {
    spec
      .given([subscribed])
      .when(command({ type: 'DisableWebhook', data: { subscriptionId: 'wh-1', reason: 'by-admin' } }))
      .then([
        {
          type: 'WebhookDisabled',
          data: { subscriptionId: 'wh-1', reason: 'by-admin', disabledAt: metadata.now },
        },
      ]);
    spec
      .given([subscribed, disabled])
      .when(command({ type: 'DisableWebhook', data: { subscriptionId: 'wh-1', reason: 'by-admin' } }))
      .then([]);
  });

  it('enables a disabled subscription only, and refuses an unknown one', () => {
    spec
      .given([subscribed, disabled])
      .when(command({ type: 'EnableWebhook', data: { subscriptionId: 'wh-1' } }))
      .then([{ type: 'WebhookEnabled', data: { subscriptionId: 'wh-1', enabledAt: metadata.now } }]);
    spec
      .given([subscribed])
      .when(command({ type: 'EnableWebhook', data: { subscriptionId: 'wh-1' } }))
      .then([]);
    spec
      .given([])
      .when(command({ type: 'EnableWebhook', data: { subscriptionId: 'wh-9' } }))
      .thenThrows('WEBHOOK_NOT_FOUND');
  });
});
