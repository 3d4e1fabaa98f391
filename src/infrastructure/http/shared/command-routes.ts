import { Body, Post, type Type } from '@nestjs/common';
import type { Permission } from '../../../application/access/access-policy';
import { CommandRoute, OpensRecord } from './command-route';
import {
  type AnyTarget,
  type BodyOf,
  type CommandOf,
  Commands,
  type CommandsOf,
  type IdFieldOf,
} from './command-sender';
import { Permit } from './permission.decorator';
import type { RouteEntry } from './route-table';

/** What a command route says about itself beside its command: its docs, and what is not plain data. */
export type CommandRouteDoc<Sent, Data> = Readonly<{
  summary: string;
  /** The domain codes of the 422 refusals this command can give, comma-separated. */
  refusals?: string;
  /** The domain codes of its 409s beside a lost race (a duplicate it refuses). */
  conflicts?: string;
  /** The codes of its 403s beside the role and dealer checks (the command authoriser's record rules). */
  forbidden?: string;
  description?: string;
  /** The command's data from the body, when it is not the body as sent (an instant put in UTC). */
  map?: (body: Sent) => Data;
  /** This route's own decorators, written above the command route's (applied after it)… */
  above?: readonly MethodDecorator[];
  /** …and below it (applied before it): the order in which two answers of one status are documented. */
  below?: readonly MethodDecorator[];
}>;

type TypeOf<Target extends AnyTarget> = CommandOf<Target>['type'];
type Opening<Target extends AnyTarget, T extends string> = BodyOf<Target, T> &
  Partial<Record<IdFieldOf<Target>, string>>;

/**
 * The routes of one aggregate's commands as data (`routeTable` makes them methods): each names its path,
 * command type, body class and permission. A body must be the command's data less the record id, so an
 * entry whose body drifts from its command does not compile, as `send` guarantees by hand.
 */
export const commandRoutes = <Target extends AnyTarget>(
  target: Target,
  {
    notFound,
    collection = '',
    everyStep,
  }: Readonly<{
    notFound: string;
    collection?: string;
    /** The refusals every step on an existing record can give (a date before the record began). */
    everyStep?: string;
  }>,
) => {
  const route = (
    path: string,
    permission: Permission,
    body: Type<unknown>,
    { above = [], below = [], forbidden }: CommandRouteDoc<never, unknown>,
    decorator: MethodDecorator,
    send: (commands: CommandsOf<AnyTarget>, body: never) => Promise<unknown>,
  ): RouteEntry => ({
    decorators: [Post(path), Permit(permission, undefined, forbidden), ...above, decorator, ...below],
    parameters: [
      { decorator: Body(), type: body },
      { decorator: Commands(target), type: Object },
    ],
    handle: (_routes, sent: unknown, commands: CommandsOf<AnyTarget>) => send(commands, sent as never),
  });
  return {
    /** A command on the record the path names (`:id/path`); a 404 when it is unknown. */
    step: <T extends TypeOf<Target>, Sent extends BodyOf<Target, T>>(
      path: string,
      type: T,
      body: Type<Sent>,
      permission: Permission,
      doc: CommandRouteDoc<Sent, BodyOf<Target, T>>,
    ): RouteEntry => {
      const { summary, refusals, conflicts, description, map = (sent: Sent) => sent } = doc;
      const idParam = target.idField;
      const all = [refusals, everyStep].filter(Boolean).join(', ') || undefined;
      const decorator = CommandRoute({ summary, refusals: all, conflicts, description, notFound, idParam });
      return route(
        `:${idParam}${path ? `/${path}` : ''}`,
        permission,
        body,
        doc,
        decorator,
        (commands, sent) => commands.send(type, map(sent)),
      );
    },
    /** A command that opens a record under `collection`: the body's id, else one derived or new (201). */
    opens: <T extends TypeOf<Target>, Sent extends Opening<Target, T>>(
      path: string,
      type: T,
      body: Type<Sent>,
      permission: Permission,
      doc: CommandRouteDoc<Sent, BodyOf<Target, T>>,
    ): RouteEntry => {
      const decorator = OpensRecord(collection, doc.summary, doc.refusals, doc.description, doc.conflicts);
      const { map = (sent: Sent) => sent } = doc;
      return route(path, permission, body, doc, decorator, (commands, sent: Sent) =>
        commands.create(sent[target.idField as IdFieldOf<Target>], type, map(sent)),
      );
    },
  };
};
