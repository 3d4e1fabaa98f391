import { Injectable } from '@nestjs/common';
import { type Command as BusCommand, CommandBus } from '@nestjs/cqrs';
import type { Command } from '../../../domain/shared/event';
import type { CommandContext, CommandResult } from '../../../application/shared/command-context';
import { newRecordId } from './legacy-command-sender';

export type CommandReply = CommandResult & { id: string };

/** The commands of one aggregate as the HTTP edge sends them: which field names the record, which bus message carries them. */
export type CommandTarget<C extends Command, IdField extends string> = Readonly<{
  /** Stream category, for the id derived from an Idempotency-Key. */
  category: string;
  idField: IdField;
  toBus: (
    command: Readonly<{ type: C['type']; data: C['data'] }>,
    context: CommandContext,
  ) => BusCommand<CommandResult>;
  /** Never set: carries the command union for the types below. */
  commands?: C;
}>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bound of any target
type AnyTarget = CommandTarget<any, string>;
type CommandOf<Target> = Target extends { commands?: infer C } ? Extract<C, Command> : never;
type IdFieldOf<Target> = Target extends { idField: infer F } ? F : never;

/** A route's body for command `T`: the command's data less the record id (from the path), plus `occurredAt`. */
export type BodyOf<Target extends AnyTarget, T extends string> = Omit<
  Extract<CommandOf<Target>, { type: T }>['data'],
  IdFieldOf<Target>
> & { occurredAt?: string };

const withoutBusinessTime = <B extends { occurredAt?: string }>(body: B): Omit<B, 'occurredAt'> => {
  const { occurredAt: _occurredAt, ...data } = body;
  return data;
};

/**
 * Sends a route's command: its data is the body (less `occurredAt`, which went into the context) with the
 * record id, type-checked against the domain command, so a body that drifts from its command does not
 * compile. `CommandRoute` turns the reply into the response's status and headers.
 */
@Injectable()
export class CommandSender {
  constructor(private readonly bus: CommandBus) {}

  async send<Target extends AnyTarget, T extends CommandOf<Target>['type']>(
    target: Target,
    id: string,
    type: T,
    body: BodyOf<Target, T>,
    context: CommandContext,
  ): Promise<CommandReply> {
    const data = { ...withoutBusinessTime(body), [target.idField]: id };
    const result = await this.bus.execute(target.toBus({ type, data }, context));
    return { id, ...result };
  }

  /** A command that opens a record: the client's id, else one derived from the Idempotency-Key, else new. */
  create<Target extends AnyTarget, T extends CommandOf<Target>['type']>(
    target: Target,
    requestedId: string | undefined,
    type: T,
    body: BodyOf<Target, T>,
    context: CommandContext,
  ): Promise<CommandReply> {
    return this.send(target, newRecordId(target.category, requestedId, context), type, body, context);
  }
}
