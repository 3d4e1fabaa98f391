import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CareTaskRequest,
  ExecuteCareTaskCommand,
} from '../../../application/care-task/care-task.commands';
import {
  CallbackSuccessQuery,
  GetCareTaskQuery,
  ListCareTasksQuery,
  MAX_REASON_MONTHS,
  UnhappyReasonsQuery,
} from '../../../application/care-task/care-task.queries';
import { addMonths } from '../../../domain/repair-order/service-kpis';
import { RequestValidationError } from '../shared/problem-details';
import { commandRoutes } from '../shared/command-routes';
import { commandTarget } from '../shared/command-sender';
import { ask, askPage, askRecord, askWith } from '../shared/query-routes';
import { routeTable } from '../shared/route-table';
import {
  AssignCareTaskBody,
  CancelCareTaskBody,
  QueueCareTaskMessageBody,
  RecordCareTaskAttemptBody,
} from './care.bodies';
import {
  CallbackSuccessParams,
  ListCareTasksParams,
  OutboxParams,
  UnhappyReasonsParams,
} from './care.params';
import {
  CallbackSuccessView,
  CareTaskPage,
  CareTaskResponse,
  OutboxPage,
  UnhappyReasonsView,
} from './care.responses';
import { ListOutboxQuery } from '../../../application/care-task/care-outbox.query';

const reasonsOf = (params: UnhappyReasonsParams) => {
  if (params.from > params.to)
    throw new RequestValidationError([{ field: 'to', reason: 'must not be before from' }]);
  if (params.to > addMonths(params.from, MAX_REASON_MONTHS - 1))
    throw new RequestValidationError([
      { field: 'to', reason: `must be at most ${MAX_REASON_MONTHS} months from from (both included)` },
    ]);
  return new UnhappyReasonsQuery(params);
};

const NOT_FOUND = 'CARE_TASK_NOT_FOUND';
const CLOSED = 'CARE_TASK_CLOSED';
const TASK = commandTarget<CareTaskRequest>()('caretask', 'taskId', ExecuteCareTaskCommand);
const { step } = commandRoutes(TASK, { notFound: NOT_FOUND });

/**
 * Customer care's callback tasks (客户关怀, docs/care.md): each follows a delivery or a settlement and is
 * worked by attempts dated at their business time.
 */
@ApiTags('care')
@Controller('care/tasks')
export class CareTasksController extends routeTable({
  attempt: step('attempts', 'RecordCareTaskAttempt', RecordCareTaskAttemptBody, 'care.work', {
    summary: 'Record an attempt to reach the customer: reached, not reached, declined or booked',
    description:
      'Reached, declined and booked complete the task; the third not-reached attempt closes it as not reached. A late attempt dated before the closing is taken and the outcome read again in business-time order. The survey calls record their survey on the sale (`POST /vehicle-sales/{saleId}/callback`) or the repair order (`POST /repair-orders/{repairOrderId}/csi-survey`), which counts as an attempt here too. A booked attempt may name the repair order of the appointment (`repairOrderId`), which the task shows as what it led to.',
    refusals: `${CLOSED}, CARE_TASK_BEFORE_OPENING, CARE_TASK_LINK_NOT_BOOKED, CARE_TASK_LINK_UNKNOWN`,
  }),
  message: step('messages', 'QueueCareTaskMessage', QueueCareTaskMessageBody, 'care.work', {
    summary: 'Queue a reminder message to the customer (SMS or WeChat) through the outbox',
    description:
      'Records `CareTaskMessageQueued`; a reactor hands it to the outbound port (the local outbox, `GET /care/outbox`). Queued between 21:00 and 08:00 CST it is not sent before 08:00. Refused when the customer opted out of care messages on the channel (at the message’s business time), or was forgotten. The message names the customer, never their phone or account.',
    refusals: `${CLOSED}, CARE_TASK_BEFORE_OPENING, CARE_MESSAGE_OPTED_OUT, CARE_MESSAGE_CUSTOMER_FORGOTTEN`,
  }),
  assign: step('assignment', 'AssignCareTask', AssignCareTaskBody, 'care.assign', {
    summary: 'Give the task to a caller (the success rate counts it for the latest assignee)',
    refusals: `${CLOSED}, CARE_TASK_BEFORE_OPENING, CARE_TASK_ASSIGNEE_UNCHANGED`,
  }),
  cancel: step('cancellation', 'CancelCareTask', CancelCareTaskBody, 'care.assign', {
    summary: 'Cancel the task: it is not due any more and does not count in the success rate',
    refusals: `${CLOSED}, CARE_TASK_BEFORE_OPENING`,
  }),
  list: askPage('', ListCareTasksParams, ListCareTasksQuery, {
    permit: ['care.read', 'dealer'],
    summary:
      'The care worklist: callback tasks soonest due first, filtered by dealer, kind, status, caller, due date',
    type: CareTaskPage,
  }),
  get: askRecord(':taskId', GetCareTaskQuery, {
    permit: ['care.read', 'record'],
    summary: 'One care task: its origin, due date, attempts, assignments and what it came to',
    type: CareTaskResponse,
    notFound: NOT_FOUND,
  }),
}) {}

/** Customer care's reports. */
@ApiTags('care')
@Controller('care')
export class CareReportsController extends routeTable({
  success: ask('callback-success', CallbackSuccessParams, CallbackSuccessQuery, {
    permit: ['care.kpi', 'dealer'],
    summary:
      'Callback success rate (回访成功率): callback tasks completed ÷ due, per dealer, kind and caller',
    description:
      'Tasks whose due date falls in the CST month and has passed by `asOf`; a task cancelled by then is not due. Completed = reached, declined or booked; the third not-reached attempt closes a task as not reached. Computed when read from the facts dated up to `asOf`. The follow-ups (`followUps`) and the reminders (`reminders`: insurance, inspection, maintenance, with how many booked an appointment) are counted by the same rule and reported apart.',
    type: CallbackSuccessView,
  }),
  outbox: askPage('outbox', OutboxParams, ListOutboxQuery, {
    permit: ['care.read', 'dealer'],
    summary: 'The outbox of care messages (SMS, WeChat), soonest to send first, by dealer and status',
    description:
      'The local outbox adapter of the outbound message port: each queued message with its recipient as a reference (customer id and channel, no address), its template and when it may be sent. `withheld`: the customer was forgotten before it went out. No gateway is plugged in, so nothing is marked sent yet.',
    type: OutboxPage,
  }),
  reasons: askWith('unhappy-reasons', UnhappyReasonsParams, reasonsOf, {
    permit: ['care.kpi', 'dealer'],
    summary:
      'Unhappy-reason analysis (不满意原因分析): surveys, dissatisfied ones and each coded reason, per month',
    description:
      'Per CST month of the survey and survey kind (SSI of the delivery callback, CSI of the service callback): surveys, dissatisfied (a factor answered 6 or less), and the count of each coded unhappy reason with its label from the reason catalogue. With `dealerId` one dealer (a dealer-bound reader: always their own); without, the whole network (the DDC view).',
    type: UnhappyReasonsView,
  }),
}) {}
