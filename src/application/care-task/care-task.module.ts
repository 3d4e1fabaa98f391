import { Module } from '@nestjs/common';
import { ExecuteCareTaskHandler } from './care-task.handlers';
import { CARE_TASK_QUERY_HANDLERS } from './care-task.queries';
import { ExecuteCareVehicleHandler } from './care-vehicle.handlers';
import { ExecuteCareConsentHandler } from './care-consent.commands';
import { ListOutboxHandler } from './care-outbox.query';

/** Care tasks (issue 19 §2): the commands and the reads behind `/care`. */
@Module({
  providers: [
    ExecuteCareTaskHandler,
    ExecuteCareVehicleHandler,
    ExecuteCareConsentHandler,
    ListOutboxHandler,
    ...CARE_TASK_QUERY_HANDLERS,
  ],
})
export class CareTaskModule {}
