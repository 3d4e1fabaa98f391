import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ExecuteCareGreetingCommand } from '../../../application/care-greeting/care-greeting.commands';
import { GetCareGreetingQuery } from '../../../application/care-greeting/care-greeting.queries';
import type { CareGreetingCommand } from '../../../domain/care-greeting/care-greeting.commands';
import { commandRoutes } from '../shared/command-routes';
import { commandTarget } from '../shared/command-sender';
import { askRecord } from '../shared/query-routes';
import { routeTable } from '../shared/route-table';
import { CancelCareGreetingBody, ScheduleCareGreetingBody } from './care-greetings.bodies';
import { CareGreetingView } from './care-greetings.responses';

const NOT_FOUND = 'CARE_GREETING_NOT_FOUND';
const GREETING = commandTarget<CareGreetingCommand>()(
  'caregreeting',
  'greetingId',
  ExecuteCareGreetingCommand,
);
const { opens, step } = commandRoutes(GREETING, { notFound: NOT_FOUND, collection: '/care/greetings' });

/** Holiday greetings (节日问候, docs/care.md): one message per customer of the dealer on a CST day. */
@ApiTags('care')
@Controller('care/greetings')
export class CareGreetingsController extends routeTable({
  schedule: opens('', 'ScheduleCareGreeting', ScheduleCareGreetingBody, 'care.greeting', {
    summary: "Schedule a holiday greeting to a dealer's customers or club members",
    description:
      'It goes out at 10:00 CST of `sendOn`, one message per customer in the audience at that instant (see `GET /care/greetings/{greetingId}`). The same id with the same details again changes nothing.',
    refusals: 'CARE_GREETING_SEND_DAY_PAST',
    conflicts: 'CARE_GREETING_ALREADY_SCHEDULED, CARE_GREETING_CANCELLED',
  }),
  cancel: step('cancellation', 'CancelCareGreeting', CancelCareGreetingBody, 'care.greeting', {
    summary: 'Cancel a greeting before it goes out',
    refusals: 'CARE_GREETING_ALREADY_SENT',
    conflicts: 'CARE_GREETING_CANCELLED',
  }),
  get: askRecord(':greetingId', GetCareGreetingQuery, {
    permit: ['care.read', 'record'],
    summary:
      "A greeting's report: audience size, queued, opted out and withheld, with one message per customer",
    type: CareGreetingView,
    notFound: NOT_FOUND,
  }),
}) {}
