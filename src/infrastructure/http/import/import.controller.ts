import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { readValues } from '../../../application/import/import-rows';
import { type ImportReport, ImportService } from '../../../application/import/import.service';
import { currentPrincipal } from '../../request-context';
import { Permit } from '../shared/permission.decorator';
import { ImportRequestBody } from './import.bodies';
import { ImportReportView } from './import.responses';

@ApiTags('admin')
@Controller('admin/imports')
export class AdminImportsController {
  constructor(private readonly imports: ImportService) {}

  @Post()
  @Permit('admin.manage')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import DMS history: rows of facts, run in business-time order',
    description:
      'Each row is one command (its `type`, record id, business time `occurredAt` and the fields of its HTTP body; docs/import.md), checked by the same rules as that body and run in business-time order (ties in row order) through the same handlers, recorded as `import:<your user id>`. Each row carries an Idempotency-Key made from its type, record and business time, so sending the same rows again appends nothing (`skipped`), and a row changed since it was imported is refused with IDEMPOTENCY_KEY_REUSED. A refused row is reported with its line, record, code and detail and does not stop the others: the answer is 200 with the counts whatever was refused. The same import as `crm import <file>`.',
  })
  @ApiOkResponse({
    type: ImportReportView,
    description: 'What became of each row: counts, and the rows refused.',
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: `rows` is not a list of 1 to 10,000 objects' })
  run(@Body() body: ImportRequestBody): Promise<ImportReport> {
    const userId = currentPrincipal()?.userId ?? 'unknown';
    return this.imports.run(readValues(body.rows), { userId });
  }
}
