import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { VoucherLiabilityQuery } from '../../../application/membership/voucher-liability.query';
import { ask } from '../shared/query-routes';
import { routeTable } from '../shared/route-table';
import { VoucherLiabilityParams } from './club.params';
import { VoucherLiabilityView } from './club.responses';

@ApiTags('loyalty club')
@Controller('club/voucher-liability')
export class VoucherLiabilityController extends routeTable({
  voucherLiability: ask('', VoucherLiabilityParams, VoucherLiabilityQuery, {
    permit: ['loyalty.kpi', 'dealer'],
    summary:
      'Voucher money liability per home dealer as of an instant: vouchers issued and neither redeemed nor expired, count and face value',
    description:
      'Any `asOf`, past or future (default now), is answered from the facts dated up to it, whatever order they arrived in. A lapse or a cancellation voids no voucher. One row per home dealer with a voucher issued by `asOf`; a named `dealerId` always gets its row.',
    type: [VoucherLiabilityView],
  }),
}) {}
