import { Module } from '@nestjs/common';
import { DispatchWebhooks } from '../../../application/integration/dispatch-webhooks';
import { IntegrationModule } from '../../../application/integration/integration.module';
import {
  WEBHOOK_SECRETS,
  WEBHOOK_SENDER,
  WEBHOOK_SETTINGS,
  type WebhookSettings,
} from '../../../application/integration/webhook-ports';
import { Webhooks } from '../../../application/integration/webhooks';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { KEY_DERIVATION_ROOT } from '../../keystore/privacy-providers';
import { Metrics } from '../../metrics/metrics';
import { countedSender, httpWebhookSender } from './webhook-http-sender';
import { webhookSecretBox } from './webhook-secret-box';
import { WebhookDeliveryReactor } from './webhook-delivery-reactor';

/** Webhooks: the subscriptions' use cases, the delivery reactor and its dispatcher, and their adapters. */
@Module({
  imports: [IntegrationModule],
  providers: [
    { provide: WEBHOOK_SECRETS, useFactory: webhookSecretBox, inject: [KEY_DERIVATION_ROOT] },
    {
      provide: WEBHOOK_SETTINGS,
      useFactory: (config: AppConfig): WebhookSettings => ({ allowedUrlPrefixes: config.webhookAllowedUrls }),
      inject: [APP_CONFIG],
    },
    {
      provide: WEBHOOK_SENDER,
      useFactory: (metrics: Metrics) => countedSender(httpWebhookSender, metrics),
      inject: [Metrics],
    },
    Webhooks,
    DispatchWebhooks,
    WebhookDeliveryReactor,
  ],
  exports: [Webhooks, DispatchWebhooks, WebhookDeliveryReactor],
})
export class WebhookModule {}
