import { Module } from '@nestjs/common';
import { ExecuteComplaintHandler } from './complaint.handlers';
import { COMPLAINT_QUERY_HANDLERS } from './complaint.queries';

/**
 * The complaint's command and query handlers (its routes are in src/infrastructure/http/complaint). Stores and pipeline come from the core, which also runs the
 * deadline watcher the feature declares (complaint.feature.ts).
 */
@Module({
  providers: [...COMPLAINT_QUERY_HANDLERS, ExecuteComplaintHandler],
})
export class ComplaintModule {}
