import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { IntegrationModule } from '../../application/integration/integration.module';
import { IntegrityModule } from '../../application/integrity/integrity.module';
import { PrivacyModule } from '../../application/privacy/privacy.module';
import { AdminProjectionsController } from './admin/admin.controller';
import { AdminImportsController } from './import/import.controller';
import { ImportModule } from './import/import.module';
import { ComplaintCommandsController } from './complaint/complaint-commands.controller';
import { ComplaintQueriesController } from './complaint/complaint-queries.controller';
import { DataQualityController } from './data-quality/data-quality.controller';
import { DdcQueriesController } from './ddc/ddc-queries.controller';
import { CampaignCommandsController } from './campaigns/campaign-commands.controller';
import { CampaignQueriesController } from './campaigns/campaign-queries.controller';
import { FleetCommandsController } from './fleet/fleet-commands.controller';
import { FleetQueriesController } from './fleet/fleet-queries.controller';
import { FleetOrderCommandsController } from './fleet/fleet-order-commands.controller';
import { FleetOrderQueriesController } from './fleet/fleet-order-queries.controller';
import { ClubActivityCommandsController } from './club/club-activity-commands.controller';
import { ClubActivityQueriesController } from './club/club-activity-queries.controller';
import { ClubStatisticsController } from './club/club-statistics.controller';
import { VoucherLiabilityController } from './club/voucher-liability.controller';
import { GiftCommandsController } from './gifts/gift-commands.controller';
import { GiftQueriesController } from './gifts/gift-queries.controller';
import { MemberCardsController } from './membership/member-cards.controller';
import { LeadCommandsController } from './leads/lead-commands.controller';
import { LeadQueriesController } from './leads/lead-queries.controller';
import { MembershipCommandsController } from './membership/membership-commands.controller';
import { MembershipQueriesController } from './membership/membership-queries.controller';
import { RepairOrderCommandsController } from './repair-order/repair-order-commands.controller';
import {
  RepairOrderQueriesController,
  ServiceQueriesController,
} from './repair-order/repair-order-queries.controller';
import { ProspectCommandsController } from './sales/prospect-commands.controller';
import { SalesQueriesController } from './sales/sales-queries.controller';
import { ShowroomTrafficController } from './sales/showroom-traffic.controller';
import { CallController } from './call/call.controller';
import { CareReportsController, CareTasksController } from './care/care.controller';
import { CareConsentsController, CareVehiclesController } from './care/care-vehicles.controller';
import { CareGreetingsController } from './care/care-greetings.controller';
import { VehicleSaleController } from './sales/vehicle-sale.controller';
import { SalesTargetController } from './sales-target/sales-target.controller';
import { NoopController } from './diagnostics/diagnostics.controller';
import { WhoAmIController } from './access/whoami.controller';
import { MetricsController } from './health/metrics.controller';
import { HealthController } from './health/health.controller';
import { FeedController } from './integration/feed.controller';
import { WebhookController } from './integration/webhook.controller';
import { WebhookModule } from '../reactors/webhooks/webhook.module';
import { IntegrityController } from './integrity/integrity.controller';
import { AccessAuditController, CustomersController } from './privacy/privacy.controller';

/** The HTTP edge: every route of the API. Each area's controllers sit in their own folder. */
@Module({
  imports: [DiscoveryModule, PrivacyModule, IntegrityModule, IntegrationModule, WebhookModule, ImportModule],
  controllers: [
    HealthController,
    ComplaintCommandsController,
    ComplaintQueriesController,
    MembershipCommandsController,
    MembershipQueriesController,
    CampaignCommandsController,
    CampaignQueriesController,
    FleetCommandsController,
    FleetQueriesController,
    FleetOrderCommandsController,
    FleetOrderQueriesController,
    GiftCommandsController,
    GiftQueriesController,
    ClubActivityCommandsController,
    ClubActivityQueriesController,
    ClubStatisticsController,
    VoucherLiabilityController,
    MemberCardsController,
    RepairOrderCommandsController,
    RepairOrderQueriesController,
    ServiceQueriesController,
    ProspectCommandsController,
    SalesQueriesController,
    VehicleSaleController,
    ShowroomTrafficController,
    SalesTargetController,
    CallController,
    CareTasksController,
    CareReportsController,
    CareVehiclesController,
    CareConsentsController,
    CareGreetingsController,
    LeadCommandsController,
    LeadQueriesController,
    DdcQueriesController,
    DataQualityController,
    CustomersController,
    AccessAuditController,
    AdminProjectionsController,
    AdminImportsController,
    IntegrityController,
    NoopController,
    WhoAmIController,
    MetricsController,
    FeedController,
    WebhookController,
  ],
})
export class HttpModule {}
