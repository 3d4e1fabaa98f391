import type { Type } from '@nestjs/common';
import { SalesModule } from './sales/sales.module';
import { ComplaintModule } from './complaint/complaint.module';
import { RepairOrderModule } from './repair-order/repair-order.module';
import { MembershipModule } from './membership/membership.module';
import { IntegrityModule } from './integrity/integrity.module';
import { AccessModule } from '../infrastructure/auth/access.module';
import { PrivacyModule } from './privacy/privacy.module';

/** The aggregates' Nest modules. A new aggregate adds its module here. */
export const FEATURE_MODULES: readonly Type[] = [
  ComplaintModule,
  RepairOrderModule,
  IntegrityModule,
  SalesModule,
  MembershipModule,
  AccessModule,
  PrivacyModule,
];
