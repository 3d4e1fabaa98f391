import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { MemberCardNotFound } from '../../domain/membership/membership.errors';
import {
  type MemberCard,
  memberCardsProjection,
} from '../../projections/member-cards/member-cards.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';

const CARDS = physicalCollection(memberCardsProjection);

export class GetMemberByCardQuery extends Query<MemberCard> {
  constructor(readonly cardNumber: string) {
    super();
  }
}

/** The member behind a card number; a blocked or replaced card is answered with its status. */
@QueryHandler(GetMemberByCardQuery)
export class GetMemberByCardHandler implements IQueryHandler<GetMemberByCardQuery, MemberCard> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ cardNumber }: GetMemberByCardQuery): Promise<MemberCard> {
    const card = await this.readStore.get<MemberCard>(CARDS, cardNumber);
    if (!card) throw new MemberCardNotFound(cardNumber);
    return card;
  }
}
