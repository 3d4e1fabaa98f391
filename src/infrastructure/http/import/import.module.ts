import { Module } from '@nestjs/common';
import { IMPORT_ROW_TYPES, ImportService } from '../../../application/import/import.service';
import { CLOCK, type Clock } from '../../../application/ports/clock.port';
import { CommandPipeline } from '../../../application/shared/command-pipeline';
import { importRowTypes, latestSaleOf } from './import-row-types';

/** The bulk import (`crm import`, `POST /admin/imports`): the service, with the row types of the HTTP bodies. */
@Module({
  providers: [
    ImportService,
    {
      provide: IMPORT_ROW_TYPES,
      useFactory: (clock: Clock, pipeline: CommandPipeline) => importRowTypes(clock, latestSaleOf(pipeline)),
      inject: [CLOCK, CommandPipeline],
    },
  ],
  exports: [ImportService],
})
export class ImportModule {}
