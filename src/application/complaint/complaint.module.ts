import { Module } from '@nestjs/common';
import { ExecuteComplaintHandler } from './complaint.handlers';
import {
  ComplaintComplianceHandler,
  ComplaintTrailHandler,
  ComplaintWorklistHandler,
  GetComplaintHandler,
  GetComplaintSlaHandler,
  ListComplaintsHandler,
} from './complaint.queries';

/**
 * The complaint's command and query handlers (its routes are in src/infrastructure/http/complaint). Stores and pipeline come from the core, which also runs the
 * deadline watcher the feature declares (complaint.feature.ts).
 */
@Module({
  providers: [
    ExecuteComplaintHandler,
    GetComplaintHandler,
    ListComplaintsHandler,
    ComplaintWorklistHandler,
    ComplaintComplianceHandler,
    GetComplaintSlaHandler,
    ComplaintTrailHandler,
  ],
})
export class ComplaintModule {}
