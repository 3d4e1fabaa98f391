import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandResult } from '../../../application/shared/command-context';

export const etag = (revision: number): string => `"${revision}"`;

/** Headers every command route accepts, documented once. */
export const COMMAND_HEADERS = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'A retry with the same key returns the first outcome and appends nothing.',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The ETag last read; the command is refused with 409 if the record has changed since.',
    }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description: 'Carried into every event and log line.',
    }),
  );

/** The answer to a command: its outcome, the new ETag, and whether it was a replayed retry. */
export const replyWithResult = (
  reply: FastifyReply,
  id: string,
  result: CommandResult,
): CommandResult & { id: string } => {
  void reply.header('etag', etag(result.revision));
  if (result.replayed) void reply.header('idempotent-replayed', 'true');
  return { id, ...result };
};
