import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { CommandContextFactory } from '../../infrastructure/http/command-context.factory';
import type { CommandResult } from '../shared/command-context';
import { deterministicUuid } from '../shared/deterministic-id';
import { replyWithResult } from '../shared/http-replies';
import {
  AuthoriseWorkOrderCommand,
  ExecuteRepairOrderCommand,
  type PlainRepairOrderCommand,
} from './repair-order.commands';

export type CommandReply = CommandResult & { id: string };

/** What every repair-order route does after validation: build the context, send the command, answer. */
@Injectable()
export class RepairOrderCommandSender {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContextFactory,
  ) {}

  async run(
    id: string,
    occurredAt: string | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
    command: PlainRepairOrderCommand,
  ): Promise<CommandReply> {
    const context = this.contexts.fromRequest(request, occurredAt);
    const result = await this.commands.execute(new ExecuteRepairOrderCommand(command, context));
    return replyWithResult(reply, id, result);
  }

  /** A command that opens a repair order: the id is the client's, or derived from the Idempotency-Key so a retry cannot make a twin. */
  async create(
    requested: string | undefined,
    occurredAt: string | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
    command: (repairOrderId: string) => PlainRepairOrderCommand,
  ): Promise<CommandReply> {
    const context = this.contexts.fromRequest(request, occurredAt);
    const id =
      requested ??
      (context.idempotencyKey ? deterministicUuid(`repairorder|${context.idempotencyKey}`) : randomUUID());
    const result = await this.commands.execute(new ExecuteRepairOrderCommand(command(id), context));
    void reply.header('location', `/repair-orders/${id}`);
    return replyWithResult(reply, id, result);
  }

  async authorise(
    id: string,
    occurredAt: string | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
    data: AuthoriseWorkOrderCommand['data'],
  ): Promise<CommandReply> {
    const context = this.contexts.fromRequest(request, occurredAt);
    const result = await this.commands.execute(new AuthoriseWorkOrderCommand(data, context));
    return replyWithResult(reply, id, result);
  }
}
