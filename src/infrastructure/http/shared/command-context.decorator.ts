import { createParamDecorator, type ExecutionContext, Injectable, type PipeTransform } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandContext } from '../../../application/shared/command-context';
import { CommandContextFactory } from './command-context.factory';

@Injectable()
class CommandContextPipe implements PipeTransform<FastifyRequest, CommandContext> {
  constructor(private readonly contexts: CommandContextFactory) {}

  transform(request: FastifyRequest): CommandContext {
    return this.contexts.ofCommand(request);
  }
}

export const currentRequest = createParamDecorator((_: unknown, context: ExecutionContext): FastifyRequest =>
  context.switchToHttp().getRequest(),
);

/**
 * The context of the command a route sends, built from its request: the authenticated actor, business
 * time (`occurredAt` of the body, else now), correlation, `Idempotency-Key` with the request's
 * fingerprint, and `If-Match`.
 */
export const Ctx = (): ParameterDecorator => currentRequest(undefined, CommandContextPipe);
