import { Module } from '@nestjs/common';
import { ListAccessAuditHandler } from './access-audit.query';
import { CustomerFileQuery } from './customer-file.query';
import { FileAccessRecorder } from './file-access-recorder';
import { ForgetCustomer } from './forget-customer';

/**
 * Forgetting, the customer's file, the recording of file openings and the access audit (routes:
 * src/infrastructure/http/privacy). The key store and the protector come from the core module.
 */
@Module({
  providers: [CustomerFileQuery, FileAccessRecorder, ForgetCustomer, ListAccessAuditHandler],
  exports: [CustomerFileQuery, FileAccessRecorder, ForgetCustomer],
})
export class PrivacyModule {}
