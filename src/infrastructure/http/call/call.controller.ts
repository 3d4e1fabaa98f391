import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CallReport, ExecuteCallCommand } from '../../../application/call/call.commands';
import { CallReportQuery, GetCallQuery } from '../../../application/call/call.queries';
import { commandRoutes } from '../shared/command-routes';
import { commandTarget } from '../shared/command-sender';
import { ask, askRecord } from '../shared/query-routes';
import { routeTable } from '../shared/route-table';
import { AnswerCallBody, EndCallBody, StartCallBody } from './call.bodies';
import { CallReportParams } from './call.params';
import { CallDayReportView, CallView } from './call.responses';

const NOT_FOUND = 'CALL_NOT_FOUND';
const CALL = commandTarget<CallReport>()('call', 'callId', ExecuteCallCommand);
const { step } = commandRoutes(CALL, { notFound: NOT_FOUND });

/**
 * The call centre's connector (CTI) posts each call's start, answer and end under the call id its system
 * gives; `occurredAt` is when each happened (docs/calls.md).
 */
@ApiTags('calls')
@Controller('calls')
export class CallController extends routeTable({
  started: step('started', 'StartCall', StartCallBody, 'call.log', {
    summary:
      'A call started (the connector); the number is matched to customers and only its blind index kept',
    description:
      "Opens the call under the call centre's id. Sent again with the same details it appends nothing (a retry); other details under the same id are a 409.",
    conflicts: 'CALL_ALREADY_STARTED',
  }),
  answered: step('answered', 'AnswerCall', AnswerCallBody, 'call.log', {
    summary: 'A call was answered (the connector); taken after its end when it falls inside the call',
    description:
      'A 404 CALL_NOT_FOUND until the start has arrived: send the start first. The same answer again appends nothing.',
    refusals: 'CALL_ALREADY_ANSWERED, CALL_FACT_OUT_OF_ORDER',
  }),
  ended: step('ended', 'EndCall', EndCallBody, 'call.log', {
    summary: 'A call ended (the connector); with no answer it was abandoned',
    description:
      'A 404 CALL_NOT_FOUND until the start has arrived: send the start first. The same end again appends nothing.',
    refusals: 'CALL_ALREADY_ENDED, CALL_FACT_OUT_OF_ORDER',
  }),
  report: ask('report', CallReportParams, CallReportQuery, {
    permit: ['call.kpi', 'dealer'],
    summary: 'Calls per agent and CST day: calls, answered, missed, average handling time',
    description:
      'A call counts on the CST day it started. Missed: an inbound call not answered within 20 s (20 s itself is in time): answered later (also counted as answered), abandoned, or still ringing 20 s after it started as of the read. Outbound calls are never missed. Average handling time: answered → ended, over the calls that were both.',
    type: CallDayReportView,
  }),
  get: askRecord(':callId', GetCallQuery, {
    permit: ['call.read', 'record'],
    summary: 'One call as the connector reported it; the ETag is its revision',
    type: CallView,
    notFound: NOT_FOUND,
    revision: (call) => call.revision,
  }),
}) {}
