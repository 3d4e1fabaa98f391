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

/**
 * The complaint's commands, queries and routes. Stores and pipeline come from the core, which also runs the
 * deadline watcher the feature declares (complaint.feature.ts).
 */
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
  ],
})
export class ComplaintModule {}
