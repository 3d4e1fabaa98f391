import { Module } from '@nestjs/common';
import { ComplaintCommandsController } from './complaint-commands.controller';
import { ComplaintQueriesController } from './complaint-queries.controller';
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

/** The complaint's commands, queries, routes and deadline watcher. Stores and pipeline come from the core. */
@Module({
  controllers: [ComplaintCommandsController, ComplaintQueriesController],
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
