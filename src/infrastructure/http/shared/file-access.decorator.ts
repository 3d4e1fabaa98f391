import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Injectable,
  type PipeTransform,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { FileOpening } from '../../../application/privacy/file-access-recorder';
import { currentRequest } from './command-context.decorator';
import { CommandContextFactory } from './command-context.factory';
import { RequestValidationError } from './problem-details';
import { recordIdOf } from './record-id.pipe';

export const RECORDS_FILE_ACCESS = 'privacy:records-file-access';
const MAX_REASON = 500;

/** The requests of `@RecordsFileAccess()` routes, with their `X-Access-Reason`, past the route's guards. */
const fileAccesses = new WeakMap<FastifyRequest, Readonly<{ reason: string | null }>>();

/** Set for a request to a `@RecordsFileAccess()` route (by its guard): its answer opens a person's file. */
export const fileAccessOf = (request: FastifyRequest): Readonly<{ reason: string | null }> | undefined =>
  fileAccesses.get(request);

/**
 * After the access guard (global guards run first): checks `X-Access-Reason` before the handler runs, so a
 * bad header costs nothing, and marks the request; the answer's personal data is recorded and revealed on
 * its way out (`registerPersonalDataReveal`).
 */
@Injectable()
class FileAccessGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    fileAccesses.set(request, { reason: accessReasonOf(request, false) });
    return true;
  }
}

/**
 * Marks a route that shows one record with a person's data: every answer records a `CustomerFileOpened`
 * for each person in it (who, when, which record, why) before the data leaves the server.
 */
export const RecordsFileAccess = () =>
  applyDecorators(
    SetMetadata(RECORDS_FILE_ACCESS, true),
    UseGuards(FileAccessGuard),
    ApiHeader({
      name: 'X-Access-Reason',
      required: false,
      description: 'Why you open this record; kept in the access audit (GET /access-audit).',
    }),
  );

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
 * The opening this request makes: its actor (a malformed Idempotency-Key or If-Match is a 400 here too),
 * its route as the audit names it (`GET /customers/:customerId`), and its reason.
 */
export const fileOpeningOf = (
  contexts: CommandContextFactory,
  request: FastifyRequest,
  reason: string | null,
): FileOpening => ({
  context: contexts.fromRequest(request),
  route: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
  reason,
});

@Injectable()
class CustomerFileOpeningPipe implements PipeTransform<FastifyRequest, FileOpening> {
  constructor(private readonly contexts: CommandContextFactory) {}

  transform(request: FastifyRequest): FileOpening {
    // The path id is checked first, as on every route: a bad id is the 400, whatever the headers say.
    recordIdOf('customerId', (request.params as Record<string, string>).customerId);
    return fileOpeningOf(this.contexts, request, accessReasonOf(request, true));
  }
}

/** The opening of a customer's file this request makes; without an `X-Access-Reason` it is a 400. */
export const CustomerFileOpening = (): ParameterDecorator =>
  currentRequest(undefined, CustomerFileOpeningPipe);

@Injectable()
class CustomerLookupOpeningPipe implements PipeTransform<FastifyRequest, FileOpening> {
  constructor(private readonly contexts: CommandContextFactory) {}

  transform(request: FastifyRequest): FileOpening {
    return fileOpeningOf(this.contexts, request, accessReasonOf(request, true));
  }
}

/** The opening a lookup by phone, plate or VIN makes of each customer it finds; `X-Access-Reason` required. */
export const CustomerLookupOpening = (): ParameterDecorator =>
  currentRequest(undefined, CustomerLookupOpeningPipe);
