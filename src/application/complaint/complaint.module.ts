import { Module } from '@nestjs/common';
import { ComplaintController } from './complaint.controller';
import { AcknowledgeComplaintHandler, FileComplaintHandler } from './complaint.handlers';
import { GetComplaintHandler, GetComplaintSlaHandler, ListComplaintsHandler } from './complaint.queries';

/** The complaint's commands, queries and routes. Stores, pipeline and clock come from the core module. */
@Module({
  controllers: [ComplaintController],
  providers: [
    FileComplaintHandler,
    AcknowledgeComplaintHandler,
    GetComplaintHandler,
    ListComplaintsHandler,
    GetComplaintSlaHandler,
  ],
})
export class ComplaintModule {}
