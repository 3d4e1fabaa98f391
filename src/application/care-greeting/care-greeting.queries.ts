import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { careGreetingStreamId } from '../../domain/care-greeting/care-greeting.decider';
import { CareGreetingNotFound } from '../../domain/care-greeting/care-greeting.errors';
import {
  type CustomerFacts,
  type GreetingMessage,
  greetingMessages,
} from '../../domain/care-greeting/greeting-messages';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import { CommandPipeline } from '../shared/command-pipeline';
import { customerFactsOf, dealerAudience } from './care-greeting-outbox.reactor';
import { careGreetingFeature } from './care-greeting.feature';

export type CareGreetingReport = Readonly<{
  greetingId: string;
  dealerId: string;
  holiday: string;
  sendOn: string;
  sendAt: string;
  channel: string;
  templateId: string;
  audience: string;
  status: 'scheduled' | 'cancelled' | 'sent';
  cancelledAt: string | null;
  /** Customers in the audience at the send instant (as known when read). */
  audienceSize: number;
  queued: number;
  optedOut: number;
  withheld: number;
  /** Empty when cancelled. */
  messages: GreetingMessage[];
}>;

export class GetCareGreetingQuery extends Query<CareGreetingReport> {
  constructor(readonly greetingId: string) {
    super();
  }
}

/**
 * The greeting expanded when read (docs/care.md, "Holiday greetings"): its audience at the send instant
 * from the audience read model, each customer's consent and forgetting from their streams, so the figures
 * are those of the facts, whatever order they arrived in.
 */
@QueryHandler(GetCareGreetingQuery)
export class GetCareGreetingHandler implements IQueryHandler<GetCareGreetingQuery, CareGreetingReport> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly pipeline: CommandPipeline,
  ) {}

  async execute({ greetingId }: GetCareGreetingQuery): Promise<CareGreetingReport> {
    const state = await this.pipeline.currentState(careGreetingFeature, careGreetingStreamId(greetingId));
    if (state.status === 'none') throw new CareGreetingNotFound(greetingId);
    const { greeting } = state;
    const audience = await dealerAudience(this.readStore, greeting.dealerId);
    const facts = new Map<string, CustomerFacts>();
    for (const { customerId } of audience)
      facts.set(customerId, await customerFactsOf(this.pipeline, customerId));
    const all = greetingMessages(
      greeting,
      audience,
      (id) => facts.get(id) ?? { consent: [], forgotten: false },
    );
    const messages = state.status === 'cancelled' ? [] : all;
    const count = (status: GreetingMessage['status']) => messages.filter((m) => m.status === status).length;
    const { scheduledAt: _scheduledAt, ...details } = greeting;
    return {
      ...details,
      status: state.status,
      cancelledAt: state.status === 'cancelled' ? state.cancelledAt : null,
      audienceSize: all.length,
      queued: count('queued'),
      optedOut: count('opted-out'),
      withheld: count('withheld'),
      messages,
    };
  }
}
