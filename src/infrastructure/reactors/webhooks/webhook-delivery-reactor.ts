import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DispatchWebhooks } from '../../../application/integration/dispatch-webhooks';
import type { CloudEvent } from '../../../application/integration/integration-event';
import { INTEGRATION_MAPPINGS } from '../../../application/integration/integration-mappings';
import { ReadFeed } from '../../../application/integration/read-feed';
import {
  DELIVERIES,
  deliveryDocId,
  ensureWebhookCollections,
  SUBSCRIPTIONS,
  type WebhookDeliveryDoc,
  type WebhookSubscriptionDoc,
} from '../../../application/integration/webhook-records';
import { CLOCK, type Clock } from '../../../application/ports/clock.port';
import {
  EVENT_STORE,
  type EventStore,
  type StoredEvent,
  type Subscription,
} from '../../../application/ports/event-store.port';
import {
  type DocWrite,
  type LeaseFence,
  LeaseLostError,
  READ_STORE,
  type ReadStore,
} from '../../../application/ports/read-store.port';
import type { WebhookSubscriptionEvent } from '../../../domain/webhook/webhook-subscription.events';
import { WEBHOOK_SUBSCRIPTION_EVENT_TYPES } from '../../../domain/webhook/webhook-subscription.events';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { LeaseKeeper, newLeaseOwner } from '../../leases/lease-keeper';
import { JsonLogger } from '../../logging/json-logger';

export const WEBHOOK_REACTOR_CHECKPOINT = 'reactor:webhook-delivery';
/** One process at a time records and sends the deliveries: the holder of this lease. */
export const WEBHOOK_REACTOR_LEASE = 'reactor:webhook-delivery';

const receives = (subscription: WebhookSubscriptionDoc, event: CloudEvent, position: number): boolean =>
  subscription.status === 'active' &&
  position > subscription.subscribedPosition &&
  (subscription.types.length === 0 || subscription.types.includes(event.type)) &&
  (subscription.dealerId === null || subscription.dealerId === event.dealerid);

/**
 * Turns the log into webhook deliveries, on its own checkpoint: it folds the subscriptions' events in log
 * order (so a subscription receives exactly the events after it), and for each integration event records
 * one pending delivery per subscription that wants it, in the same commit as the checkpoint. A crash
 * before the commit records them again under the same ids (`<subscription>:<event id>`), which the
 * position guard keeps once; the dispatcher (DispatchWebhooks) sends them. Runs in one of the processes
 * that run projections at a time, the holder of its lease (another takes it over when that one dies); its
 * commits name the lease's epoch, so a stale holder's late commit is refused.
 */
@Injectable()
export class WebhookDeliveryReactor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private subscription: Subscription | undefined;
  private timer: NodeJS.Timeout | undefined;
  private position = 0;
  private readonly subscriptions = new Map<string, WebhookSubscriptionDoc>();
  private keeper: LeaseKeeper | undefined;
  private lease: LeaseFence | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly feed: ReadFeed,
    private readonly dispatcher: DispatchWebhooks,
    private readonly logger: JsonLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runProjections) return;
    this.keeper = new LeaseKeeper(
      this.readStore,
      {
        scope: 'webhooks',
        owner: newLeaseOwner(),
        leaseMs: this.config.leaseMs,
        log: (level, message, fields) => this.logger.entry(level, message, fields ?? {}),
      },
      [{ name: WEBHOOK_REACTOR_LEASE, start: (lease) => this.start(lease), stop: () => this.halt() }],
    );
    await this.keeper.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.keeper?.stop();
    await this.halt();
    await this.dispatcher.idle();
  }

  /** Follows the log from its checkpoint; with a lease, its commits name it. */
  async start(lease?: LeaseFence): Promise<void> {
    this.lease = lease;
    await ensureWebhookCollections(this.readStore);
    this.position = (await this.readStore.readCheckpoint(WEBHOOK_REACTOR_CHECKPOINT))?.position ?? 0;
    this.subscriptions.clear();
    for (const doc of await this.readStore.find<WebhookSubscriptionDoc>(SUBSCRIPTIONS, {}))
      this.subscriptions.set(doc.subscriptionId, doc);
    this.subscription = this.eventStore.subscribeToAll({
      after: this.position,
      batchSize: 100,
      onBatch: (batch) => this.handleBatch(batch),
      onError: (error) => {
        if (error instanceof LeaseLostError) {
          // Another process took the lease over: it goes on from the stored checkpoint.
          this.logger.entry('info', `webhook delivery reactor stopped here: ${error.message}`, {});
          this.subscription = undefined;
          void this.halt().then(() => this.keeper?.lost(WEBHOOK_REACTOR_LEASE));
          return;
        }
        this.logger.entry('error', `webhook delivery reactor stopped: ${String(error)}`, {
          position: this.position,
          next: 'fix the cause and restart: it resumes from its checkpoint',
        });
      },
    });
    if (this.config.webhookDispatchMs > 0) {
      this.timer = setInterval(() => {
        this.dispatcher.sweep().catch((error: unknown) => {
          this.logger.entry('error', `webhook dispatch failed: ${String(error)}`);
        });
      }, this.config.webhookDispatchMs);
      this.timer.unref();
    }
  }

  /** Stops following the log and sending (the lease is lost or given up, or the application stops). */
  private async halt(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }

  /**
   * For tests: resolves once every event up to `position` has been turned into deliveries (here, or by the
   * process holding the lease: its stored checkpoint).
   */
  async waitForPosition(position: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (
      (this.subscription
        ? this.position
        : ((await this.readStore.readCheckpoint(WEBHOOK_REACTOR_CHECKPOINT))?.position ?? 0)) < position
    ) {
      if (Date.now() > deadline)
        throw new Error(`webhook delivery reactor is at ${this.position}, not ${position}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private async handleBatch(batch: readonly StoredEvent[]): Promise<void> {
    const docs: DocWrite[] = [];
    const streams = new Map<string, Promise<StoredEvent[]>>();
    let position = this.position;
    for (const stored of batch) {
      if (stored.globalPosition <= position) continue;
      if (Object.hasOwn(WEBHOOK_SUBSCRIPTION_EVENT_TYPES, stored.type)) {
        const doc = this.fold(stored as unknown as WebhookSubscriptionEvent & StoredEvent);
        if (doc)
          docs.push({
            collection: SUBSCRIPTIONS,
            id: doc.subscriptionId,
            value: doc,
            position: stored.globalPosition,
          });
      } else if (INTEGRATION_MAPPINGS.has(stored.type) && this.subscriptions.size > 0) {
        const event = await this.feed.cloudEventOf(stored, streams);
        for (const subscription of this.subscriptions.values())
          if (event && receives(subscription, event, stored.globalPosition))
            docs.push(this.deliveryOf(subscription, event, stored.globalPosition));
      }
      position = stored.globalPosition;
    }
    await this.readStore.commitBatch({
      docs,
      checkpoint: {
        name: WEBHOOK_REACTOR_CHECKPOINT,
        position,
        status: 'running',
        error: null,
        updatedAt: this.clock.now().toISOString(),
      },
      lease: this.lease,
    });
    this.position = position;
  }

  private fold(event: WebhookSubscriptionEvent & StoredEvent): WebhookSubscriptionDoc | undefined {
    const at = event.occurredAt;
    const known = this.subscriptions.get(event.data.subscriptionId);
    let next: WebhookSubscriptionDoc | undefined;
    switch (event.type) {
      case 'WebhookSubscribed': {
        const { subscriptionId, url, types, dealerId, sealedSecret, subscribedAt } = event.data;
        next = {
          ...{ subscriptionId, url, types, dealerId, sealedSecret, subscribedAt },
          status: 'active',
          disabledReason: null,
          subscribedPosition: event.globalPosition,
          updatedAt: at,
        };
        break;
      }
      case 'WebhookDisabled':
        next = known && { ...known, status: 'disabled', disabledReason: event.data.reason, updatedAt: at };
        break;
      case 'WebhookEnabled':
        next = known && { ...known, status: 'active', disabledReason: null, updatedAt: at };
        break;
      default: {
        const never: never = event;
        return never;
      }
    }
    if (next) this.subscriptions.set(next.subscriptionId, next);
    return next;
  }

  private deliveryOf(subscription: WebhookSubscriptionDoc, event: CloudEvent, position: number): DocWrite {
    const delivery: WebhookDeliveryDoc = {
      id: deliveryDocId(subscription.subscriptionId, event.id),
      deliveryId: event.id,
      subscriptionId: subscription.subscriptionId,
      type: event.type,
      eventPosition: position,
      event,
      status: 'pending',
      attempts: [],
      nextAttemptAt: this.clock.now().toISOString(),
      finishedAt: null,
      version: 1,
    };
    return { collection: DELIVERIES, id: delivery.id, value: delivery, position: delivery.version };
  }
}
