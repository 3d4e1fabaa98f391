import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ExecuteCareVehicleCommand } from '../../../application/care-task/care-vehicle.commands';
import type { RecordVehicleDates } from '../../../domain/care-vehicle/care-vehicle.commands';
import { RequestValidationError } from '../shared/problem-details';
import { commandRoutes } from '../shared/command-routes';
import { commandTarget } from '../shared/command-sender';
import { routeTable } from '../shared/route-table';
import { RecordCareMessageConsentBody, RecordVehicleDatesBody, VIN } from './care.bodies';
import { ExecuteCareConsentCommand } from '../../../application/care-task/care-consent.commands';
import type { RecordCareMessageConsent } from '../../../domain/care-consent/care-consent';

const target = commandTarget<RecordVehicleDates>()('carevehicle', 'vin', ExecuteCareVehicleCommand);
/** The path's id is a record id; a vehicle's must be a VIN too (its reminders' ids are built from it). */
const VEHICLE: typeof target = {
  ...target,
  toBus: (command, context) => {
    if (!VIN.test(String(command.data.vin)))
      throw new RequestValidationError([{ field: 'vin', reason: 'must be a 17-character VIN' }]);
    return target.toBus(command, context);
  },
};
const { step } = commandRoutes(VEHICLE, { notFound: 'CARE_TASK_NOT_FOUND' });

/** The dates customer care reminds of, recorded with the vehicle (docs/care.md, "Reminders"). */
@ApiTags('care')
@Controller('care/vehicles')
export class CareVehiclesController extends routeTable({
  dates: step('dates', 'RecordVehicleDates', RecordVehicleDatesBody, 'care.vehicle', {
    summary: "Record or revise a vehicle's insurance expiry and annual inspection dates",
    description:
      'Each date recorded makes a reminder task (`insurance-<vin>-<YYYYMMDD>`, `inspection-<vin>-<YYYYMMDD>`) due 30 days before it (at once when recorded later than that). A revision to another date, later in business time, supersedes the old date’s task (closed as cancelled from then) and makes a new one. The dates belong to the dealer that first recorded one.',
    refusals: 'VEHICLE_DATES_MISSING, VEHICLE_DATES_OTHER_DEALER',
  }),
}) {}

const CONSENT = commandTarget<RecordCareMessageConsent>()(
  'careconsent',
  'customerId',
  ExecuteCareConsentCommand,
);
const consent = commandRoutes(CONSENT, { notFound: 'CARE_TASK_NOT_FOUND' });

/** What a customer said about care messages (docs/care.md, "Messages"). */
@ApiTags('care')
@Controller('care/consents')
export class CareConsentsController extends routeTable({
  record: consent.step('', 'RecordCareMessageConsent', RecordCareMessageConsentBody, 'care.work', {
    summary: 'Record that a customer opted out of (or back in to) care messages on a channel',
    description:
      'Per channel (SMS, WeChat), for every dealer: a message queued at a time when the latest statement dated up to it is an opt-out is refused (CARE_MESSAGE_OPTED_OUT). Calls are not affected.',
  }),
}) {}
