import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { GetGiftQuery, GiftCatalogueQuery } from '../../../application/gift/gift.queries';
import { ask, askRecord } from '../shared/query-routes';
import { routeTable } from '../shared/route-table';
import { GiftCatalogueParams } from './gifts.params';
import { GiftCatalogueView, GiftView } from './gifts.responses';

@ApiTags('loyalty club')
@Controller('club/gifts')
export class GiftQueriesController extends routeTable({
  catalogue: ask('', GiftCatalogueParams, GiftCatalogueQuery, {
    permit: ['membership.read', 'dealer'],
    summary: "One dealer's gifts with received, reserved, handed-out, returned and available units",
    type: GiftCatalogueView,
  }),
  get: askRecord(':giftId', GetGiftQuery, {
    permit: ['membership.read', 'record'],
    summary: 'One gift: its stock figures and reservations; the ETag is its revision',
    type: GiftView,
    notFound: 'GIFT_NOT_FOUND',
    revision: (gift) => gift.revision,
  }),
}) {}
