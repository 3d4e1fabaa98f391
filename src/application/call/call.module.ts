import { Module } from '@nestjs/common';
import { ExecuteCallHandler } from './call.handlers';
import { CALL_QUERY_HANDLERS } from './call.queries';

/** Calls from the call centre (CTI, issue 18): the connector's events and the reads (routes: src/infrastructure/http/call). */
@Module({
  providers: [...CALL_QUERY_HANDLERS, ExecuteCallHandler],
})
export class CallModule {}
