import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Webhooks } from '../../../application/integration/webhooks';
import type { CommandContext } from '../../../application/shared/command-context';
import { Ctx } from '../shared/command-context.decorator';
import { CommandRoute } from '../shared/command-route';
import { PageParams } from '../shared/page.params';
import { Permit } from '../shared/permission.decorator';
import { QueryRoute } from '../shared/query-route';
import { RecordIdPipe } from '../shared/record-id.pipe';
import { SubscribeWebhookBody } from './webhook.bodies';
import { DeliveriesParams } from './webhook.params';
import {
  WebhookCreatedReply,
  WebhookDeliveryPage,
  WebhookDeliveryView,
  WebhookPage,
} from './webhook.responses';

const ID = new RecordIdPipe('subscriptionId');
const NOT_FOUND = 'WEBHOOK_NOT_FOUND';

@ApiTags('integration')
@Controller('webhooks')
export class WebhookController {
  constructor(private readonly webhooks: Webhooks) {}

  @Post()
  @Permit('integration.webhooks')
  @CommandRoute({
    summary: 'Subscribe a URL to integration events (CloudEvents, signed as Standard Webhooks do)',
    description:
      'Deliveries go to the URL only if it is under a prefix of WEBHOOK_ALLOWED_URLS (else 422 WEBHOOK_URL_NOT_ALLOWED). ' +
      'Each is POSTed with `Webhook-Id` (the CloudEvent id: de-duplicate on it), `Webhook-Timestamp` and `Webhook-Signature` ' +
      '(`v1,` and the base64 HMAC-SHA256 of `<id>.<timestamp>.<body>` keyed with the secret), retried with backoff, and ' +
      'every attempt is listed at GET /webhooks/{id}/deliveries. The secret is in this answer only (docs/integration.md).',
    creates: '/webhooks',
    reply: WebhookCreatedReply,
    refusals: 'WEBHOOK_URL_NOT_ALLOWED',
    conflicts: 'WEBHOOK_ALREADY_EXISTS',
  })
  async subscribe(@Body() body: SubscribeWebhookBody, @Ctx() context: CommandContext) {
    const { result, subscriptionId, secret } = await this.webhooks.subscribe(
      {
        ...(body.subscriptionId ? { subscriptionId: body.subscriptionId } : {}),
        url: body.url,
        types: body.types ?? [],
        dealerId: body.dealerId ?? null,
        ...(body.secret ? { secret: body.secret } : {}),
      },
      context,
    );
    return { id: subscriptionId, ...result, secret };
  }

  @Get()
  @Permit('integration.webhooks')
  @QueryRoute({ summary: 'Every webhook subscription, without its secret', type: WebhookPage })
  list(@Query() page: PageParams) {
    return this.webhooks.list(page.limit ?? 50, page.offset ?? 0);
  }

  @Get(':subscriptionId/deliveries')
  @Permit('integration.webhooks')
  @QueryRoute({
    summary: "A subscription's deliveries with every attempt; `status=dead` lists the dead letters",
    type: WebhookDeliveryPage,
    notFound: NOT_FOUND,
  })
  deliveries(@Param('subscriptionId', ID) subscriptionId: string, @Query() params: DeliveriesParams) {
    return this.webhooks.deliveries(subscriptionId, params.status, params.limit ?? 50, params.offset ?? 0);
  }

  @Post(':subscriptionId/deliveries/:deliveryId/replay')
  @HttpCode(200)
  @Permit('integration.webhooks')
  @ApiOperation({ summary: 'Try a dead letter again: it is sent on the next sweep, its attempts kept' })
  @ApiOkResponse({ type: WebhookDeliveryView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a malformed id' })
  @ApiNotFoundResponse({ description: `${NOT_FOUND}, WEBHOOK_DELIVERY_NOT_FOUND` })
  @ApiUnprocessableEntityResponse({ description: 'WEBHOOK_DELIVERY_NOT_DEAD' })
  replay(
    @Param('subscriptionId', ID) subscriptionId: string,
    @Param('deliveryId', new RecordIdPipe('deliveryId')) deliveryId: string,
  ) {
    return this.webhooks.replay(subscriptionId, deliveryId);
  }

  @Delete(':subscriptionId')
  @Permit('integration.webhooks')
  @CommandRoute({
    summary: 'Disable a subscription: nothing more is delivered to it (enable it again with POST …/enable)',
    notFound: NOT_FOUND,
    idParam: 'subscriptionId',
  })
  async disable(@Param('subscriptionId', ID) subscriptionId: string, @Ctx() context: CommandContext) {
    return { id: subscriptionId, ...(await this.webhooks.disable(subscriptionId, context)) };
  }

  @Post(':subscriptionId/enable')
  @Permit('integration.webhooks')
  @CommandRoute({
    summary: 'Enable a disabled subscription: its waiting deliveries are sent again',
    notFound: NOT_FOUND,
    idParam: 'subscriptionId',
  })
  async enable(@Param('subscriptionId', ID) subscriptionId: string, @Ctx() context: CommandContext) {
    return { id: subscriptionId, ...(await this.webhooks.enable(subscriptionId, context)) };
  }
}
