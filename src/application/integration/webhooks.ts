import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../domain/shared/domain-error';
import { WebhookNotFound } from '../../domain/webhook/webhook-subscription.decider';
import { type WebhookSubscribed, webhookStreamId } from '../../domain/webhook/webhook-subscription.events';
import { CLOCK, type Clock } from '../ports/clock.port';
import { EVENT_STORE, type EventStore } from '../ports/event-store.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import type { CommandContext, CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import { deterministicUuid } from '../shared/deterministic-id';
import { uuidV7 } from '../shared/uuid-v7';
import { urlAllowed } from './webhook-delivery-policy';
import {
  WEBHOOK_SECRETS,
  WEBHOOK_SETTINGS,
  type WebhookSecrets,
  type WebhookSettings,
} from './webhook-ports';
import {
  DELIVERIES,
  type DeliveryStatus,
  ensureWebhookCollections,
  SUBSCRIPTIONS,
  type WebhookDeliveryDoc,
  type WebhookSubscriptionDoc,
} from './webhook-records';
import { webhookSubscriptionFeature } from './webhook-subscription.feature';

export class WebhookUrlNotAllowed extends DomainError {
  constructor(url: string) {
    super(
      'WEBHOOK_URL_NOT_ALLOWED',
      'forbidden-transition',
      `${url} is not under an allowed prefix: ask the operator to add it to WEBHOOK_ALLOWED_URLS`,
      { url },
    );
  }
}

export class WebhookDeliveryNotFound extends DomainError {
  constructor(subscriptionId: string, deliveryId: string) {
    super(
      'WEBHOOK_DELIVERY_NOT_FOUND',
      'not-found',
      `webhook ${subscriptionId} has no delivery ${deliveryId}: list them with GET /webhooks/${subscriptionId}/deliveries`,
      { subscriptionId, deliveryId },
    );
  }
}

export class WebhookDeliveryNotDead extends DomainError {
  constructor(deliveryId: string, status: DeliveryStatus) {
    super(
      'WEBHOOK_DELIVERY_NOT_DEAD',
      'forbidden-transition',
      `delivery ${deliveryId} is ${status}: only a dead letter is replayed`,
      { deliveryId, status },
    );
  }
}

export type SubscribeRequest = Readonly<{
  subscriptionId?: string;
  url: string;
  types: readonly string[];
  dealerId: string | null;
  /** `whsec_` and base64; generated when absent. */
  secret?: string;
}>;

/** A subscription as the API shows it: never its secret. */
export type WebhookSubscriptionView = Omit<WebhookSubscriptionDoc, 'sealedSecret' | 'subscribedPosition'>;

const newSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;
const shown = ({ sealedSecret: _s, subscribedPosition: _p, ...view }: WebhookSubscriptionDoc) => view;

/**
 * Webhook subscriptions through the command pipeline (a `webhook-<id>` stream each), and the deliveries
 * the delivery reactor recorded for them (src/infrastructure/reactors/webhooks). The secret is sealed
 * before it is stored and shown only in the answer to its creation.
 */
@Injectable()
export class Webhooks {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WEBHOOK_SECRETS) private readonly secrets: WebhookSecrets,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
  ) {}

  async subscribe(
    request: SubscribeRequest,
    context: CommandContext,
  ): Promise<{ result: CommandResult; subscriptionId: string; secret: string }> {
    if (!urlAllowed(request.url, this.settings.allowedUrlPrefixes))
      throw new WebhookUrlNotAllowed(request.url);
    const subscriptionId =
      request.subscriptionId ??
      (context.idempotencyKey ? deterministicUuid(`webhook|${context.idempotencyKey}`) : uuidV7());
    const secret = request.secret ?? newSecret();
    const result = await this.pipeline.execute(
      webhookSubscriptionFeature,
      {
        type: 'SubscribeWebhook',
        data: {
          subscriptionId,
          url: request.url,
          types: [...request.types],
          dealerId: request.dealerId,
          sealedSecret: this.secrets.seal(secret),
        },
      },
      context,
    );
    // A retried creation answers the secret it stored the first time, not the one made for the retry.
    return {
      result,
      subscriptionId,
      secret: result.replayed ? await this.storedSecret(subscriptionId) : secret,
    };
  }

  disable(subscriptionId: string, context: CommandContext): Promise<CommandResult> {
    return this.pipeline.execute(
      webhookSubscriptionFeature,
      { type: 'DisableWebhook', data: { subscriptionId, reason: 'by-admin' } },
      context,
    );
  }

  enable(subscriptionId: string, context: CommandContext): Promise<CommandResult> {
    return this.pipeline.execute(
      webhookSubscriptionFeature,
      { type: 'EnableWebhook', data: { subscriptionId } },
      context,
    );
  }

  async list(limit: number, offset: number) {
    await ensureWebhookCollections(this.readStore);
    const [docs, total] = await Promise.all([
      this.readStore.find<WebhookSubscriptionDoc>(
        SUBSCRIPTIONS,
        {},
        {
          sort: [['subscribedAt', 1]],
          limit,
          skip: offset,
        },
      ),
      this.readStore.count(SUBSCRIPTIONS, {}),
    ]);
    return { items: docs.map(shown), total, limit, offset };
  }

  /** Every attempt of every delivery, oldest event first; `dead` lists the dead letters. */
  async deliveries(
    subscriptionId: string,
    status: DeliveryStatus | undefined,
    limit: number,
    offset: number,
  ) {
    await this.subscription(subscriptionId);
    const filter = { subscriptionId, ...(status ? { status } : {}) };
    const [items, total] = await Promise.all([
      this.readStore.find<WebhookDeliveryDoc>(DELIVERIES, filter, {
        sort: [['eventPosition', 1]],
        limit,
        skip: offset,
      }),
      this.readStore.count(DELIVERIES, filter),
    ]);
    return {
      items: items.map(({ event: _event, version: _version, ...delivery }) => delivery),
      total,
      limit,
      offset,
    };
  }

  /** A dead letter is tried again at once (its attempts are kept); the dispatcher sends it on its next sweep. */
  async replay(subscriptionId: string, deliveryId: string) {
    await this.subscription(subscriptionId);
    const found = await this.readStore.getMany(DELIVERIES, [`${subscriptionId}:${deliveryId}`]);
    const delivery = [...found.values()][0]?.value as WebhookDeliveryDoc | undefined;
    if (!delivery) throw new WebhookDeliveryNotFound(subscriptionId, deliveryId);
    if (delivery.status !== 'dead') throw new WebhookDeliveryNotDead(deliveryId, delivery.status);
    const replayed: WebhookDeliveryDoc = {
      ...delivery,
      status: 'pending',
      nextAttemptAt: this.clock.now().toISOString(),
      finishedAt: null,
      version: delivery.version + 1,
    };
    await writeDelivery(this.readStore, replayed, this.clock.now());
    const { event: _event, version: _version, ...shownDelivery } = replayed;
    return shownDelivery;
  }

  private async subscription(subscriptionId: string): Promise<WebhookSubscriptionDoc> {
    await ensureWebhookCollections(this.readStore);
    const doc = await this.readStore.get<WebhookSubscriptionDoc>(SUBSCRIPTIONS, subscriptionId);
    if (!doc) throw new WebhookNotFound(subscriptionId);
    return doc;
  }

  private async storedSecret(subscriptionId: string): Promise<string> {
    const [subscribed] = await this.eventStore.readStream(webhookStreamId(subscriptionId));
    return this.secrets.open((subscribed.data as WebhookSubscribed['data']).sealedSecret);
  }
}

/** The dispatcher's writes carry their own checkpoint row, apart from the reactor's. */
export const writeDelivery = (readStore: ReadStore, delivery: WebhookDeliveryDoc, now: Date) =>
  readStore.commitBatch({
    docs: [{ collection: DELIVERIES, id: delivery.id, value: delivery, position: delivery.version }],
    checkpoint: {
      name: 'webhook-dispatcher',
      position: 0,
      status: 'running',
      error: null,
      updatedAt: now.toISOString(),
    },
  });
