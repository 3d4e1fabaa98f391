import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { LogWalkInGroupsCommand } from '../../../application/sales/sales.commands';
import { ShowroomTrafficQuery } from '../../../application/sales/vehicle-sale.queries';
import type { CommandContext } from '../../../application/shared/command-context';
import { Ctx } from '../shared/command-context.decorator';
import { CommandRoute } from '../shared/command-route';
import type { CommandReply } from '../shared/command-sender';
import { Permit } from '../shared/permission.decorator';
import { ask } from '../shared/query-routes';
import { routeTable } from '../shared/route-table';
import { DealerMonthParams } from './sales.params';
import { LogWalkInGroupsBody } from './sales.bodies';
import { ShowroomTrafficView } from './vehicle-sale.responses';

/** Walk-in groups, logged per dealer and business day (one stream each): the record rate's denominator. */
@ApiTags('sales', 'showroom')
@Controller('showroom-traffic')
export class ShowroomTrafficController extends routeTable({
  traffic: ask('', DealerMonthParams, ShowroomTrafficQuery, {
    permit: ['sales.kpi', 'dealer'],
    summary: 'Walk-in groups per dealer and month, with the days',
    type: [ShowroomTrafficView],
  }),
}) {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  @Post()
  @Permit('showroom.log')
  @CommandRoute({
    summary: 'Log walk-in groups for a dealer and business day (展厅来店登记)',
    // Each log adds to the day's tally, which has no route of its own: a 201 without `Location`.
    status: 201,
    refusals: 'SHOWROOM_TRAFFIC_DATE_IN_FUTURE',
  })
  async log(
    @Body() { occurredAt: _occurredAt, ...data }: LogWalkInGroupsBody,
    @Ctx() context: CommandContext,
  ): Promise<CommandReply> {
    const result = await this.commands.execute(new LogWalkInGroupsCommand(data, context));
    return { id: `${data.dealerId}_${data.date}`, ...result };
  }
}
