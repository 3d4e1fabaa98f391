import { Injectable } from '@nestjs/common';
import { type Command, CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { CommandContextFactory } from './command-context.factory';
import type { CommandContext, CommandResult } from '../../../application/shared/command-context';
import { deterministicUuid } from '../../../application/shared/deterministic-id';
import { replyWithResult } from './http-replies';

export type CommandReply = CommandResult & { id: string };

/**
 * The id of a record a command creates: the client's if it chose one; else derived from the
 * Idempotency-Key, so a retried creation lands on the same stream and cannot make a twin; else new.
 */
export const newRecordId = (
  category: string,
  requested: string | undefined,
  context: CommandContext,
): string =>
  requested ??
  (context.idempotencyKey ? deterministicUuid(`${category}|${context.idempotencyKey}`) : randomUUID());

/** Legacy (being replaced by `CommandSender` with `@Ctx()` and `@CommandRoute`): what every command route does after validation: build the context, send the command, answer with its ETag. */
@Injectable()
export class LegacyCommandSender {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContextFactory,
  ) {}

  /** The context of this request, for a route that sends its command itself. */
  contextOf(request: FastifyRequest, occurredAt: string | undefined): CommandContext {
    return this.contexts.fromRequest(request, occurredAt);
  }

  async send(
    id: string,
    occurredAt: string | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
    toCommand: (context: CommandContext) => Command<CommandResult>,
  ): Promise<CommandReply> {
    const result = await this.commands.execute(toCommand(this.contextOf(request, occurredAt)));
    return replyWithResult(reply, id, result);
  }

  /** A command that opens a record: its id per `newRecordId`, and `Location` at `${path}/${id}`. */
  async create(
    category: string,
    path: string,
    requested: string | undefined,
    occurredAt: string | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
    toCommand: (id: string, context: CommandContext) => Command<CommandResult>,
  ): Promise<CommandReply> {
    const context = this.contextOf(request, occurredAt);
    const id = newRecordId(category, requested, context);
    const result = await this.commands.execute(toCommand(id, context));
    void reply.header('location', `${path}/${id}`);
    return replyWithResult(reply, id, result);
  }
}
