import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { GetMemberByCardQuery } from '../../../application/membership/member-card.query';
import type { MemberCard } from '../../../projections/member-cards/member-cards.projection';
import { askRecord } from '../shared/query-routes';
import { routeTable } from '../shared/route-table';

export class MemberCardView implements MemberCard {
  /** @example SH01-000457 */
  cardNumber!: string;
  customerId!: string;
  /** The member's home dealer. */
  dealerId!: string;
  /** `replaced` cards are blocked too. @example active */
  status!: MemberCard['status'];
  issuedAt!: string;
  endedAt!: string | null;
  replacedBy!: string | null;
}

@ApiTags('loyalty club')
@Controller('club/members')
export class MemberCardsController extends routeTable({
  byCard: askRecord('by-card/:cardNumber', GetMemberByCardQuery, {
    permit: ['membership.read', 'record'],
    summary: 'The member behind a card number, with the card status (active, blocked, replaced)',
    type: MemberCardView,
    notFound: 'MEMBER_CARD_NOT_FOUND',
  }),
}) {}
