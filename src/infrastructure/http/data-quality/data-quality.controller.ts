import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CompletenessQuery, MissingFieldQuery } from '../../../application/data-quality/completeness.queries';
import { SetRequiredFieldsCommand } from '../../../application/data-quality/data-quality.commands';
import { RequiredFieldSetsQuery } from '../../../application/data-quality/required-fields.queries';
import type { CommandContext } from '../../../application/shared/command-context';
import { REQUIRED_FIELDS_STREAM_ID } from '../../../domain/required-fields/required-fields.decider';
import { Ctx } from '../shared/command-context.decorator';
import { CommandRoute } from '../shared/command-route';
import type { CommandReply } from '../shared/command-sender';
import { Permit } from '../shared/permission.decorator';
import { QueryRoute } from '../shared/query-route';
import { ask, askPage } from '../shared/query-routes';
import { RecordIdPipe } from '../shared/record-id.pipe';
import { routeTable } from '../shared/route-table';
import { SetRequiredFieldsBody } from './data-quality.bodies';
import { CompletenessParams, MissingFieldParams } from './data-quality.params';
import { CompletenessReportView, MissingFieldPage, RequiredFieldSetsView } from './data-quality.responses';

const SET_REFUSALS =
  'REQUIRED_FIELDS_UNKNOWN_RECORD_TYPE, REQUIRED_FIELDS_UNKNOWN_FIELD, REQUIRED_FIELDS_EMPTY, REQUIRED_FIELDS_UNCHANGED, REQUIRED_FIELDS_FACT_OUT_OF_ORDER';

/** Data completeness (issue 19 §6): the required fields per record type, versioned, and the report. */
@ApiTags('data-quality')
@Controller('data-quality')
export class DataQualityController extends routeTable({
  completeness: ask('completeness', CompletenessParams, CompletenessQuery, {
    permit: ['data-quality.read', 'dealer'],
    summary:
      'Completeness per record type and dealer: records, complete, rate, and missing per required field',
    description:
      'Computed when read from the details read models, with each record type’s required fields in force then (named in the answer). A record is complete when every required field is present; empty or whitespace-only is missing. completenessRate = complete ÷ records, 4 decimals, null without records. Values are never shown, only counts.',
    type: CompletenessReportView,
  }),
  missing: askPage('completeness/missing', MissingFieldParams, MissingFieldQuery, {
    permit: ['data-quality.read', 'dealer'],
    summary: 'The records of a type missing one field, with a link to each, by dealer then id',
    type: MissingFieldPage,
  }),
}) {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  @Get('required-fields')
  @Permit('data-quality.read')
  @QueryRoute({
    summary: 'Required fields of every record type: the version in force, every version, the known fields',
    type: RequiredFieldSetsView,
    badRequest: null,
  })
  requiredFields(): Promise<RequiredFieldSetsView> {
    return this.queries.execute(new RequiredFieldSetsQuery());
  }

  @Post('required-fields/:recordType')
  @Permit('data-quality.required-fields')
  @CommandRoute({
    summary:
      'Set the next version of one record type’s required fields, with a reason (the OEM’s, network-wide)',
    status: 201,
    idParam: 'recordType',
    refusals: SET_REFUSALS,
  })
  async setRequiredFields(
    @Param('recordType', new RecordIdPipe('recordType')) recordType: string,
    @Body() { occurredAt: _occurredAt, fields, reason }: SetRequiredFieldsBody,
    @Ctx() context: CommandContext,
  ): Promise<CommandReply> {
    const result = await this.commands.execute(
      new SetRequiredFieldsCommand({ recordType, fields: [...fields], reason }, context),
    );
    return { id: REQUIRED_FIELDS_STREAM_ID, ...result };
  }
}
