import type { Type } from '@nestjs/common';
import { CampaignModule } from './application/campaign/campaign.module';
import { CallModule } from './application/call/call.module';
import { CareTaskModule } from './application/care-task/care-task.module';
import { CareGreetingModule } from './application/care-greeting/care-greeting.module';
import { ClubActivityModule } from './application/club-activity/club-activity.module';
import { ComplaintModule } from './application/complaint/complaint.module';
import { DataQualityModule } from './application/data-quality/data-quality.module';
import { DdcModule } from './application/ddc/ddc.module';
import { FleetAccountModule } from './application/fleet-account/fleet-account.module';
import { FleetOrderModule } from './application/fleet-order/fleet-order.module';
import { GiftModule } from './application/gift/gift.module';
import { IntegrityModule } from './application/integrity/integrity.module';
import { LeadModule } from './application/lead/lead.module';
import { MembershipModule } from './application/membership/membership.module';
import { PrivacyModule } from './application/privacy/privacy.module';
import { RepairOrderModule } from './application/repair-order/repair-order.module';
import { SalesModule } from './application/sales/sales.module';
import { SalesTargetModule } from './application/sales-target/sales-target.module';
import { AccessModule } from './infrastructure/auth/access.module';

/** The Nest modules of the handlers and routes. What each feature is, is declared in its feature file. */
export const FEATURE_MODULES: readonly Type[] = [
  ComplaintModule,
  RepairOrderModule,
  IntegrityModule,
  SalesModule,
  SalesTargetModule,
  LeadModule,
  CampaignModule,
  FleetAccountModule,
  FleetOrderModule,
  MembershipModule,
  GiftModule,
  ClubActivityModule,
  AccessModule,
  PrivacyModule,
  CallModule,
  DdcModule,
  CareTaskModule,
  CareGreetingModule,
  DataQualityModule,
];
