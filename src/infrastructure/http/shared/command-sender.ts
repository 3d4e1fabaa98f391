import { createParamDecorator, type ExecutionContext, Injectable, type PipeTransform } from '@nestjs/common';
import { type Command as BusCommand, CommandBus } from '@nestjs/cqrs';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { CommandContext, CommandResult } from '../../../application/shared/command-context';
import { deterministicUuid } from '../../../application/shared/deterministic-id';
import type { Command } from '../../../domain/shared/event';
import { CommandContextFactory } from './command-context.factory';
import { recordIdOf } from './record-id.pipe';

export type CommandReply = CommandResult & { id: string };

/**
 * The id of a record a command creates: the client's if it chose one; else derived from the
 * Idempotency-Key, so a retried creation lands on the same stream and cannot make a twin; else new.
 * A key is its sender's dealer's (network-wide roles share one space): the same key sent by another
 * dealer opens a record of its own instead of landing on this dealer's, which would tell it the key was used.
 */
export const newRecordId = (
  category: string,
  requested: string | undefined,
  context: CommandContext,
): string => {
  if (requested) return requested;
  if (!context.idempotencyKey) return randomUUID();
  const dealer = context.actor.dealerId;
  return deterministicUuid(
    dealer ? `${category}|${dealer}|${context.idempotencyKey}` : `${category}|${context.idempotencyKey}`,
  );
};

/** How the HTTP edge sends one aggregate's commands: the path field naming the record, the bus message. */
export type CommandTarget<C extends Command, IdField extends string> = Readonly<{
  /** Stream category, for an id derived from an Idempotency-Key. */
  category: string;
  /** The path parameter and command field that name the record. */
  idField: IdField;
  toBus: (
    command: Readonly<{ type: C['type']; data: C['data'] }>,
    context: CommandContext,
  ) => BusCommand<CommandResult>;
  /** Never set: carries the command union for the types below. */
  commands?: C;
}>;

/** A bus message class that carries one command of `C` with its context. */
export type BusMessage<C extends Command> = new (
  command: Readonly<{ type: C['type']; data: C['data'] }>,
  context: CommandContext,
) => BusCommand<CommandResult>;

/** The target of an aggregate whose commands all travel in one bus message: `commandTarget<C>()(category, idField, Message)`. */
export const commandTarget =
  <C extends Command>() =>
  <F extends string>(category: string, idField: F, Message: BusMessage<C>): CommandTarget<C, F> => ({
    category,
    idField,
    toBus: (command, context) => new Message(command, context),
  });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bound of every target
export type AnyTarget = CommandTarget<any, string>;
export type CommandOf<Target> = Target extends { commands?: infer C } ? Extract<C, Command> : never;
export type IdFieldOf<Target> = Target extends { idField: infer F } ? F : never;

/** A route's body for command `T`: the command's data less the record id (from the path), plus `occurredAt`. */
export type BodyOf<Target extends AnyTarget, T extends string> = Omit<
  Extract<CommandOf<Target>, { type: T }>['data'],
  IdFieldOf<Target>
> & { occurredAt?: string };

/**
 * A route's commands, bound to its request: `send` acts on the record the path names, `create` opens one
 * (the client's id, else one derived from the Idempotency-Key, so a retry cannot make a twin, else new).
 * The body is type-checked against the domain command's data, so a body that drifts does not compile.
 */
export type CommandsOf<Target extends AnyTarget> = Readonly<{
  send: <T extends CommandOf<Target>['type']>(type: T, body: BodyOf<Target, T>) => Promise<CommandReply>;
  create: <T extends CommandOf<Target>['type']>(
    requestedId: string | undefined,
    type: T,
    body: BodyOf<Target, T>,
  ) => Promise<CommandReply>;
}>;

const withoutBusinessTime = ({ occurredAt: _occurredAt, ...data }: { occurredAt?: string }) => data;

type Bound = Readonly<{ target: AnyTarget; request: FastifyRequest }>;

@Injectable()
class BindCommands implements PipeTransform<Bound, CommandsOf<AnyTarget>> {
  constructor(
    private readonly bus: CommandBus,
    private readonly contexts: CommandContextFactory,
  ) {}

  transform({ target, request }: Bound): CommandsOf<AnyTarget> {
    const context = this.contexts.ofCommand(request);
    const send = async (id: string, type: string, data: { occurredAt?: string }): Promise<CommandReply> => {
      const command = { type, data: { ...withoutBusinessTime(data), [target.idField]: id } };
      return { id, ...(await this.bus.execute(target.toBus(command, context))) };
    };
    return {
      send: (type, data) =>
        send(
          recordIdOf(target.idField, (request.params as Record<string, string>)[target.idField]),
          type,
          data,
        ),
      create: (requestedId, type, data) =>
        send(newRecordId(target.category, requestedId, context), type, data),
    };
  }
}

const boundRequest = createParamDecorator((target: AnyTarget, context: ExecutionContext): Bound => ({
  target,
  request: context.switchToHttp().getRequest<FastifyRequest>(),
}));

/** The route's commands for `target`, with the context of this request (actor, time, keys, If-Match). */
export const Commands = (target: AnyTarget): ParameterDecorator => boundRequest(target, BindCommands);
