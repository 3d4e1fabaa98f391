import { Module } from '@nestjs/common';
import { CompletenessHandler, MissingFieldHandler } from './completeness.queries';
import { SetRequiredFieldsHandler } from './data-quality.commands';
import { RequiredFieldSetsHandler } from './required-fields.queries';

/** Data completeness (issue 19 §6); routes: src/infrastructure/http/data-quality. */
@Module({
  providers: [CompletenessHandler, MissingFieldHandler, RequiredFieldSetsHandler, SetRequiredFieldsHandler],
})
export class DataQualityModule {}
