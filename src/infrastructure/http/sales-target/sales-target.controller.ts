import { Body, Controller, Get, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import {
  ForecastWeightSetsQuery,
  SalesForecastQuery,
} from '../../../application/sales-target/sales-forecast.queries';
import {
  SalesTargetCommand,
  SetForecastWeightsCommand,
} from '../../../application/sales-target/sales-target.commands';
import { SalesTargetsQuery } from '../../../application/sales-target/sales-target.queries';
import type { CommandContext } from '../../../application/shared/command-context';
import { FORECAST_WEIGHTS_STREAM_ID } from '../../../domain/forecast-weights/forecast-weights';
import { Ctx } from '../shared/command-context.decorator';
import { CommandRoute } from '../shared/command-route';
import type { CommandReply } from '../shared/command-sender';
import { Permit } from '../shared/permission.decorator';
import { QueryRoute } from '../shared/query-route';
import { ask } from '../shared/query-routes';
import { routeTable } from '../shared/route-table';
import { ReviseSalesTargetBody, SetForecastWeightsBody, SetSalesTargetBody } from './sales-target.bodies';
import { SalesForecastParams, SalesTargetParams } from './sales-target.params';
import { ForecastWeightSetsView, SalesForecastView, SalesTargetReportView } from './sales-target.responses';

const LINE_REFUSALS = 'SALES_TARGET_LINE_INVALID, SALES_TARGET_MONTH_CLOSED';

/** Sales targets per dealer, consultant and model and month, and the pipeline forecast (issue 18 §5–6). */
@ApiTags('sales', 'targets')
@Controller('sales')
export class SalesTargetController extends routeTable({
  targets: ask('targets', SalesTargetParams, SalesTargetsQuery, {
    permit: ['sales.kpi', 'dealer'],
    summary:
      'Targets against actual orders and deliveries of a dealer and month, with attainment and run rate',
    description:
      'Each line (the dealer, each consultant, each model; no roll-up) with the latest target revision dated up to asOf, orders by signing date (less cancelled), deliveries by delivery date, in business months (CST); attainment = actual ÷ target; for the month in progress the run rate = actual ÷ days elapsed × days in the month.',
    type: SalesTargetReportView,
  }),
  forecast: ask('forecast', SalesForecastParams, SalesForecastQuery, {
    permit: ['sales.kpi', 'dealer'],
    summary: 'Pipeline forecast: open prospects weighted by grade, by expected month, beside actual orders',
    description:
      "Open = neither ordered nor lost. Expected month = the month (CST) of the last grading date + the grade's horizon (defaults H 7, A 14, B 21, C 90 days); a date already past stays in its month. weighted = Σ weight(grade) (defaults H 0.9, A 0.7, B 0.4, C 0.1) with the weight set in force today or the one asked for.",
    type: SalesForecastView,
    notFound: 'FORECAST_WEIGHTS_VERSION_NOT_FOUND',
  }),
}) {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  @Get('forecast/weights')
  @Permit('sales.kpi')
  @QueryRoute({
    summary: "The forecast's weight sets, every version, and the one in force today",
    type: ForecastWeightSetsView,
    badRequest: null,
  })
  weightSets(): Promise<ForecastWeightSetsView> {
    return this.queries.execute(new ForecastWeightSetsQuery());
  }

  @Post('targets')
  @Permit('sales.target')
  @CommandRoute({
    summary: "Set a target line of a dealer's month (销售目标): the dealer's, a consultant's or a model's",
    // The month's targets have no route of their own beside the report: a 201 without `Location`.
    status: 201,
    refusals: `${LINE_REFUSALS}, SALES_TARGET_ALREADY_SET`,
  })
  async set(
    @Body() { occurredAt: _occurredAt, ...data }: SetSalesTargetBody,
    @Ctx() context: CommandContext,
  ): Promise<CommandReply> {
    const result = await this.commands.execute(
      new SalesTargetCommand({ type: 'SetSalesTarget', data }, context),
    );
    return { id: `${data.dealerId}_${data.month}`, ...result };
  }

  @Post('targets/revisions')
  @Permit('sales.target')
  @CommandRoute({
    summary: 'Revise a target line, with a reason; the latest revision counts',
    refusals: `${LINE_REFUSALS}, SALES_TARGET_NOT_SET, SALES_TARGET_UNCHANGED, SALES_TARGET_FACT_OUT_OF_ORDER`,
  })
  async revise(
    @Body() { occurredAt: _occurredAt, ...data }: ReviseSalesTargetBody,
    @Ctx() context: CommandContext,
  ): Promise<CommandReply> {
    const result = await this.commands.execute(
      new SalesTargetCommand({ type: 'ReviseSalesTarget', data }, context),
    );
    return { id: `${data.dealerId}_${data.month}`, ...result };
  }

  @Post('forecast/weights')
  @Permit('sales.forecast-weights')
  @CommandRoute({
    summary: "Set a new version of the forecast's weights and horizons, effective from a business day",
    status: 201,
    refusals: 'FORECAST_WEIGHTS_EFFECTIVE_TOO_EARLY',
  })
  async setWeights(
    @Body() { occurredAt: _occurredAt, weights, horizonDays, ...data }: SetForecastWeightsBody,
    @Ctx() context: CommandContext,
  ): Promise<CommandReply> {
    const result = await this.commands.execute(
      new SetForecastWeightsCommand(
        { ...data, weights: { ...weights }, horizonDays: { ...horizonDays } },
        context,
      ),
    );
    return { id: FORECAST_WEIGHTS_STREAM_ID, ...result };
  }
}
