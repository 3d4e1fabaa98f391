import { Module } from '@nestjs/common';
import { ListAccessAuditHandler } from './access-audit.query';
import { CustomerFileQuery } from './customer-file.query';
import { CustomerLookupQuery } from './customer-lookup.query';
import { FileAccessRecorder } from './file-access-recorder';
import { ForgetCustomer } from './forget-customer';

/**
 * Forgetting, the customer's file and the lookup by phone, plate or VIN, the recording of file openings and the access audit (routes:
 * src/infrastructure/http/privacy). The key store and the protector come from the core module.
 */
@Module({
  providers: [
    CustomerFileQuery,
    CustomerLookupQuery,
    FileAccessRecorder,
    ForgetCustomer,
    ListAccessAuditHandler,
  ],
  exports: [CustomerFileQuery, CustomerLookupQuery, FileAccessRecorder, ForgetCustomer],
})
export class PrivacyModule {}
