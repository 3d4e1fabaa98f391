import { Module } from '@nestjs/common';
import { SalesTargetHandler, SetForecastWeightsHandler } from './sales-target.handlers';
import { ForecastWeightSetsHandler, SalesForecastHandler } from './sales-forecast.queries';
import { SalesTargetsHandler } from './sales-target.queries';

/** Sales targets and the pipeline forecast (issue 18 §5–6); routes: src/infrastructure/http/sales-target. */
@Module({
  providers: [
    SalesTargetsHandler,
    SalesForecastHandler,
    ForecastWeightSetsHandler,
    SalesTargetHandler,
    SetForecastWeightsHandler,
  ],
})
export class SalesTargetModule {}
