import type { Decider } from '../shared/event';
import { DomainError } from '../shared/domain-error';
import type { WebhookSubscriptionCommand, WebhookSubscriptionEvent } from './webhook-subscription.events';

export type WebhookSubscriptionState =
  Readonly<{ status: 'none' }> | Readonly<{ status: 'active' | 'disabled'; subscriptionId: string }>;

export class WebhookNotFound extends DomainError {
  constructor(subscriptionId: string) {
    super(
      'WEBHOOK_NOT_FOUND',
      'not-found',
      `webhook ${subscriptionId} does not exist: list them with GET /webhooks`,
      {
        subscriptionId,
      },
    );
  }
}

export class WebhookAlreadySubscribed extends DomainError {
  constructor(subscriptionId: string) {
    super(
      'WEBHOOK_ALREADY_EXISTS',
      'already-exists',
      `webhook ${subscriptionId} already exists: choose another id, or leave it out`,
      { subscriptionId },
    );
  }
}

/**
 * A subscription is created once, then disabled (by the admin, or after its deliveries kept failing)
 * and enabled again. Disabling a disabled one, or enabling an active one, decides nothing: a retry is
 * harmless and the dispatcher may disable a subscription the admin already did.
 */
export const webhookSubscriptionDecider: Decider<
  WebhookSubscriptionState,
  WebhookSubscriptionCommand,
  WebhookSubscriptionEvent
> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'WebhookSubscribed':
        return { status: 'active', subscriptionId: event.data.subscriptionId };
      case 'WebhookDisabled':
        return state.status === 'none' ? state : { ...state, status: 'disabled' };
      case 'WebhookEnabled':
        return state.status === 'none' ? state : { ...state, status: 'active' };
      default: {
        const never: never = event;
        return never;
      }
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'SubscribeWebhook':
        if (state.status !== 'none') throw new WebhookAlreadySubscribed(command.data.subscriptionId);
        return [{ type: 'WebhookSubscribed', data: { ...command.data, subscribedAt: command.metadata.now } }];
      case 'DisableWebhook':
        if (state.status === 'none') throw new WebhookNotFound(command.data.subscriptionId);
        if (state.status === 'disabled') return [];
        return [{ type: 'WebhookDisabled', data: { ...command.data, disabledAt: command.metadata.now } }];
      case 'EnableWebhook':
        if (state.status === 'none') throw new WebhookNotFound(command.data.subscriptionId);
        if (state.status === 'active') return [];
        return [{ type: 'WebhookEnabled', data: { ...command.data, enabledAt: command.metadata.now } }];
      default: {
        const never: never = command;
        return never;
      }
    }
  },
};
