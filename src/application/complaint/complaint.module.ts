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
import { DeadlineWatcher } from './deadline-watcher';

/** The complaint's command and query handlers and deadline watcher (routes: src/infrastructure/http/complaint). Stores and pipeline come from the core. */
@Module({
  providers: [
    ExecuteComplaintHandler,
    GetComplaintHandler,
    ListComplaintsHandler,
    ComplaintWorklistHandler,
    ComplaintComplianceHandler,
    GetComplaintSlaHandler,
    ComplaintTrailHandler,
    DeadlineWatcher,
  ],
  exports: [DeadlineWatcher],
})
export class ComplaintModule {}
