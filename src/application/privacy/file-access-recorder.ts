import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CommandContextFactory } from '../../infrastructure/http/shared/command-context.factory';
import { RequestValidationError } from '../../infrastructure/http/shared/problem-details';
import { WrongExpectedRevisionError } from '../ports/event-store.port';
import { CommandPipeline } from '../shared/command-pipeline';
import { fileAccessFeature } from './file-access.feature';

const ATTEMPTS = 5;
const MAX_REASON = 500;

/** `X-Access-Reason`, trimmed; a value that is there but unusable is a 400, never silently dropped. */
export const accessReasonOf = (request: FastifyRequest, required: boolean): string | null => {
  const raw = request.headers['x-access-reason'];
  const reason = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
  if (reason.length > MAX_REASON)
    throw new RequestValidationError([
      { field: 'X-Access-Reason', reason: `must be at most ${MAX_REASON} characters` },
    ]);
  if (reason === '' && required)
    throw new RequestValidationError([
      {
        field: 'X-Access-Reason',
        reason: 'is required to open a customer file: say why (e.g. "complaint c-42 callback")',
      },
    ]);
  return reason === '' ? null : reason;
};

/**
 * Records that a request opened records of these people, through the command pipeline, so each entry
 * is hash-chained in `fileaccess-<customerId>` with the actor of the request in its metadata.
 */
@Injectable()
export class FileAccessRecorder {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly contexts: CommandContextFactory,
  ) {}

  async record(
    request: FastifyRequest,
    customerIds: readonly string[],
    opening: Readonly<{ reason: string | null; recordId: string | null }>,
  ): Promise<void> {
    if (customerIds.length === 0) return;
    // A read is not a command: its Idempotency-Key and If-Match (if any) are not about the audit stream.
    const {
      idempotencyKey: _key,
      requestHash: _hash,
      expectedRevision: _revision,
      ...context
    } = this.contexts.fromRequest(request);
    const route = `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`;
    for (const customerId of [...new Set(customerIds)]) {
      const command = {
        type: 'RecordFileOpening' as const,
        data: { customerId, reason: opening.reason, route, recordId: opening.recordId },
      };
      for (let attempt = 1; ; attempt += 1) {
        try {
          await this.pipeline.execute(fileAccessFeature, command, context);
          break;
        } catch (error) {
          // Two readers opening the same file at once race for the stream's next revision: append again.
          if (!(error instanceof WrongExpectedRevisionError) || attempt >= ATTEMPTS) throw error;
        }
      }
    }
  }
}
