import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type CommandReply,
  LegacyCommandSender,
} from '../../infrastructure/http/shared/legacy-command-sender';
import {
  AuthoriseWorkOrderCommand,
  ExecuteRepairOrderCommand,
  type PlainRepairOrderCommand,
} from './repair-order.commands';

export type { CommandReply } from '../../infrastructure/http/shared/legacy-command-sender';

/** The repair-order routes' side of the shared LegacyCommandSender: which CQRS command carries what. */
@Injectable()
export class RepairOrderCommandSender {
  constructor(private readonly sender: LegacyCommandSender) {}

  run(
    id: string,
    occurredAt: string | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
    command: PlainRepairOrderCommand,
  ): Promise<CommandReply> {
    return this.sender.send(
      id,
      occurredAt,
      request,
      reply,
      (context) => new ExecuteRepairOrderCommand(command, context),
    );
  }

  /** A command that opens a repair order (a walk-in or an appointment). */
  create(
    requested: string | undefined,
    occurredAt: string | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
    command: (repairOrderId: string) => PlainRepairOrderCommand,
  ): Promise<CommandReply> {
    return this.sender.create(
      'repairorder',
      '/repair-orders',
      requested,
      occurredAt,
      request,
      reply,
      (id, context) => new ExecuteRepairOrderCommand(command(id), context),
    );
  }

  authorise(
    id: string,
    occurredAt: string | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
    data: AuthoriseWorkOrderCommand['data'],
  ): Promise<CommandReply> {
    return this.sender.send(
      id,
      occurredAt,
      request,
      reply,
      (context) => new AuthoriseWorkOrderCommand(data, context),
    );
  }
}
