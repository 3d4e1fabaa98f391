import { Controller, Get, Param, Query as QueryString } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  FleetAccountKpisQuery,
  GetFleetAccountQuery,
  ListFleetAccountsQuery,
} from '../../../application/fleet-account/fleet-account.queries';
import type { FleetKpis } from '../../../application/fleet-account/fleet-kpis';
import { Permit } from '../shared/permission.decorator';
import { QueryRoute } from '../shared/query-route';
import { askPage, askRecord } from '../shared/query-routes';
import { RecordIdPipe } from '../shared/record-id.pipe';
import { routeTable } from '../shared/route-table';
import { FleetKpisParams, ListFleetAccountsParams } from './fleet.params';
import { FleetAccountPage, FleetAccountView, FleetKpisView } from './fleet.responses';

const NOT_FOUND = 'FLEET_ACCOUNT_NOT_FOUND';

/** Reads of the fleet accounts: a dealer's list, one account, and its KPIs as of an instant. */
@ApiTags('fleet accounts')
@Controller('fleet/accounts')
export class FleetQueriesController extends routeTable({
  list: askPage('', ListFleetAccountsParams, ListFleetAccountsQuery, {
    permit: ['fleet.read', 'dealer-and-consultant'],
    summary: 'List the fleet accounts by company name (a dealer’s; a sales consultant’s own)',
    type: FleetAccountPage,
  }),
  get: askRecord(':accountId', GetFleetAccountQuery, {
    permit: ['fleet.read', 'record'],
    summary: 'One fleet account: member companies, drivers, vehicles and every account manager it had',
    type: FleetAccountView,
    notFound: NOT_FOUND,
  }),
}) {
  @Get(':accountId/kpis')
  @Permit('fleet.read', 'record')
  @QueryRoute({
    summary:
      'Fleet KPIs of one account as of an instant or for a month: vehicles, drivers, repair orders, service spend, open complaints',
    description:
      'Computed when read. With `month` (CST, not with `asOf`): as of the month’s last instant, with the repair orders settled in the month only. Vehicles and drivers on the account at `asOf` (default now); repair orders of every type settled at the account’s dealer by `asOf` of a VIN while it was on the account (a removal at the very instant ends it), `serviceSpendFen` the customer-paid total of them and `settledTotalFen` every payer’s; open complaints: at the account’s dealer, of its drivers at `asOf`, filed by then and not closed by then.',
    type: FleetKpisView,
    notFound: NOT_FOUND,
  })
  kpis(
    @Param('accountId', new RecordIdPipe('accountId')) accountId: string,
    @QueryString() { asOf, month }: FleetKpisParams,
  ): Promise<FleetKpis> {
    return this.queries.execute(new FleetAccountKpisQuery(accountId, { asOf, month }));
  }
}
