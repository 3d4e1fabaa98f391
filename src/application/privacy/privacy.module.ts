import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AccessAuditController } from './access-audit.controller';
import { CustomerFileQuery } from './customer-file.query';
import { CustomersController } from './customers.controller';
import { FileAccessRecorder } from './file-access-recorder';
import { ForgetCustomer } from './forget-customer';
import { PersonalDataInterceptor } from '../../infrastructure/http/shared/personal-data.interceptor';

/**
 * Forgetting, the customer's file and the access audit; the interceptor that reveals (or masks, or
 * erases) personal data in every answer. The key store and the protector come from the core module.
 */
@Module({
  controllers: [CustomersController, AccessAuditController],
  providers: [
    CustomerFileQuery,
    FileAccessRecorder,
    ForgetCustomer,
    { provide: APP_INTERCEPTOR, useClass: PersonalDataInterceptor },
  ],
})
export class PrivacyModule {}
