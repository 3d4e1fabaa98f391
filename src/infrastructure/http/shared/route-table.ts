import { Inject, type Type } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../../application/ports/clock.port';

/** One parameter of a generated route method: its decorator, and the type the pipes and the docs see. */
export type RouteParameter = Readonly<{ decorator: ParameterDecorator; type: unknown }>;

/** A route as data: what a hand-written method would carry as decorators, parameters and body. */
export type RouteEntry = Readonly<{
  /** In the order they would be written above the method, the outermost first. */
  decorators: readonly MethodDecorator[];
  parameters: readonly RouteParameter[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the arguments are the pipes' output
  handle: (routes: RouteTable, ...args: any[]) => unknown;
}>;

/** What every generated route method may use: the query bus and the clock (properties, so a controller keeps its constructor). */
export class RouteTable {
  @Inject(QueryBus) readonly queries!: QueryBus;
  @Inject(CLOCK) readonly clock!: Clock;
}

type Methods<Entries> = { [Name in keyof Entries]: (...args: never[]) => unknown };

/**
 * A base class with one method per entry, decorated as TypeScript would decorate a hand-written one, so
 * Nest and @nestjs/swagger cannot tell them apart: the method keeps the entry's name (routing, operationIds),
 * and `design:paramtypes` names the body or query class for the validation pipe and the schema.
 * The controller extends it under its own `@Controller`, and may add the routes that are not plain data.
 */
export const routeTable = <Entries extends Record<string, RouteEntry>>(
  entries: Entries,
): Type<RouteTable & Methods<Entries>> => {
  class Routes extends RouteTable {}
  for (const [name, { decorators, parameters, handle }] of Object.entries(entries)) {
    const method = {
      [name](this: RouteTable, ...args: unknown[]) {
        return handle(this, ...args);
      },
    }[name];
    Object.defineProperty(Routes.prototype, name, { value: method, writable: true, configurable: true });
    const types = parameters.map(({ type }) => type);
    Reflect.defineMetadata('design:paramtypes', types, Routes.prototype, name);
    const onParameters = parameters.map(
      ({ decorator }, index): MethodDecorator =>
        (target, key) =>
          decorator(target, key, index),
    );
    const descriptor = Object.getOwnPropertyDescriptor(Routes.prototype, name)!;
    const decorated = Reflect.decorate([...decorators, ...onParameters], Routes.prototype, name, descriptor);
    Object.defineProperty(Routes.prototype, name, decorated);
  }
  return Routes as Type<RouteTable & Methods<Entries>>;
};
