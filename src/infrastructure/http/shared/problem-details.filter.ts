import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JsonLogger } from '../../logging/json-logger';
import { currentCorrelationId } from '../../request-context';
import { problemFromError } from './problem-details';

/** Sends any error as application/problem+json; logs the unexpected ones with their stack. */
export const sendProblem = (
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: JsonLogger,
): void => {
  const correlationId = currentCorrelationId();
  const body = {
    ...problemFromError(error),
    instance: request.url,
    ...(correlationId ? { correlationId } : {}),
  };
  if (body.status >= 500) {
    logger.entry('error', error instanceof Error ? error.message : String(error), {
      code: body.code,
      stack: error instanceof Error ? error.stack : undefined,
      url: request.url,
    });
  }
  void reply.status(body.status).header('content-type', 'application/problem+json; charset=utf-8').send(body);
};

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: JsonLogger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(error, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), this.logger);
  }
}
