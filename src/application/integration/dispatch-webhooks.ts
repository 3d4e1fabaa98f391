import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../ports/clock.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import { PersonalDataRevealer } from '../privacy/personal-data-revealer';
import { CommandPipeline } from '../shared/command-pipeline';
import { REACTOR_ACTOR } from '../shared/reactor';
import { accepted, DEAD_LETTERS_BEFORE_DISABLE, nextAttemptAfter } from './webhook-delivery-policy';
import { WEBHOOK_SECRETS, WEBHOOK_SENDER, type WebhookSecrets, type WebhookSender } from './webhook-ports';
import {
  DELIVERIES,
  ensureWebhookCollections,
  SUBSCRIPTIONS,
  type WebhookDeliveryDoc,
  type WebhookSubscriptionDoc,
} from './webhook-records';
import { signedHeaders } from './webhook-signature';
import { webhookSubscriptionFeature } from './webhook-subscription.feature';
import { writeDelivery } from './webhooks';

/** Deliveries one sweep attempts at most; the next sweep takes the rest. */
const SWEEP_LIMIT = 100;
const DISPATCHER = 'webhook-dispatcher';

export type SweepReport = Readonly<{ attempted: number; delivered: number; failed: number; dead: number }>;

/**
 * Sends the deliveries that are due: signed, with personal data revealed as the most restricted reader
 * sees it (phones masked, no ID numbers, `[erased]` once forgotten), each attempt recorded. A failure is
 * retried with capped exponential backoff (webhook-delivery-policy.ts) until it is a dead letter; a
 * subscription whose last deliveries all died is disabled. Deliveries of a disabled subscription wait.
 * Never two sweeps at once in a process; the clock is the application's, so tests move it by hand.
 */
@Injectable()
export class DispatchWebhooks {
  private running: Promise<SweepReport> | undefined;

  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WEBHOOK_SENDER) private readonly send: WebhookSender,
    @Inject(WEBHOOK_SECRETS) private readonly secrets: WebhookSecrets,
    private readonly revealer: PersonalDataRevealer,
    private readonly pipeline: CommandPipeline,
  ) {}

  sweep(): Promise<SweepReport> {
    this.running ??= this.sweepOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Resolves when no sweep is running (the app waits for it before the stores close). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async sweepOnce(): Promise<SweepReport> {
    await ensureWebhookCollections(this.readStore);
    const now = this.clock.now();
    const report = { attempted: 0, delivered: 0, failed: 0, dead: 0 };
    const active = await this.readStore.find<WebhookSubscriptionDoc>(SUBSCRIPTIONS, { status: 'active' });
    if (active.length === 0) return report;
    const subscriptions = new Map(active.map((doc) => [doc.subscriptionId, doc]));
    // Only active subscriptions' deliveries: a disabled one's wait without starving the others.
    const due = await this.readStore.find<WebhookDeliveryDoc>(
      DELIVERIES,
      {
        status: 'pending',
        subscriptionId: { $in: [...subscriptions.keys()] },
        nextAttemptAt: { $lte: now.toISOString() },
      },
      { sort: [['eventPosition', 1]], limit: SWEEP_LIMIT },
    );
    for (const delivery of due) {
      const subscription = subscriptions.get(delivery.subscriptionId);
      if (!subscription || subscription.status !== 'active') continue;
      const outcome = await this.attempt(subscription, delivery, now);
      report.attempted += 1;
      report[outcome] += 1;
      if (outcome === 'dead' && (await this.keepsFailing(subscription.subscriptionId))) {
        await this.disableFailing(subscription.subscriptionId, delivery, now);
        subscriptions.set(subscription.subscriptionId, { ...subscription, status: 'disabled' });
      }
    }
    return report;
  }

  private async attempt(
    subscription: WebhookSubscriptionDoc,
    delivery: WebhookDeliveryDoc,
    now: Date,
  ): Promise<'delivered' | 'failed' | 'dead'> {
    const body = JSON.stringify(await this.revealer.reveal(delivery.event, undefined));
    const headers = signedHeaders(
      this.secrets.open(subscription.sealedSecret),
      delivery.deliveryId,
      Math.floor(now.getTime() / 1000),
      body,
    );
    const outcome = await this.send(subscription.url, headers, body);
    const attempts = [...delivery.attempts, { at: now.toISOString(), ...outcome }];
    const failures = attempts.filter((attempt) => !accepted(attempt.status)).length;
    const next = accepted(outcome.status) ? null : nextAttemptAfter(failures, now);
    const status = accepted(outcome.status) ? 'delivered' : next ? 'pending' : 'dead';
    await writeDelivery(
      this.readStore,
      {
        ...delivery,
        attempts,
        status,
        nextAttemptAt: next,
        finishedAt: status === 'pending' ? null : now.toISOString(),
        version: delivery.version + 1,
      },
      now,
    );
    return status === 'pending' ? 'failed' : status;
  }

  /** The subscription's last finished deliveries were all dead letters. */
  private async keepsFailing(subscriptionId: string): Promise<boolean> {
    const last = await this.readStore.find<WebhookDeliveryDoc>(
      DELIVERIES,
      { subscriptionId, status: { $in: ['delivered', 'dead'] } },
      { sort: [['finishedAt', -1]], limit: DEAD_LETTERS_BEFORE_DISABLE },
    );
    return last.length === DEAD_LETTERS_BEFORE_DISABLE && last.every((d) => d.status === 'dead');
  }

  private async disableFailing(subscriptionId: string, delivery: WebhookDeliveryDoc, now: Date) {
    await this.pipeline.execute(
      webhookSubscriptionFeature,
      { type: 'DisableWebhook', data: { subscriptionId, reason: 'failing' } },
      {
        now: now.toISOString(),
        correlationId: `${DISPATCHER}:${delivery.deliveryId}`,
        causationId: delivery.deliveryId,
        actor: REACTOR_ACTOR(DISPATCHER),
        idempotencyKey: `${DISPATCHER}:disable:${subscriptionId}:${delivery.deliveryId}`,
      },
    );
  }
}
