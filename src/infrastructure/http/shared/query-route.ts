import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  type Type,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { etag } from './http-replies';

/** A text file a route answers instead of JSON (an export). Its rows are revealed before it is made. */
export class CsvDownload {
  constructor(
    readonly filename: string,
    readonly content: string,
    /** The revision of the record it was made from, sent as `ETag`. */
    readonly revision?: number,
  ) {}
}

const REVISION_OF = 'http:revision-of';
type RevisionOf = (answer: never) => number;

/** Sets `ETag` from the record a route answers, and sends a `CsvDownload` as `text/csv`. */
@Injectable()
export class QueryReplyInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const revisionOf = this.reflector.get<RevisionOf | undefined>(REVISION_OF, context.getHandler());
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((answer: unknown) => {
        if (!(answer instanceof CsvDownload)) {
          if (revisionOf) void reply.header('etag', etag(revisionOf(answer as never)));
          return answer;
        }
        if (answer.revision !== undefined) void reply.header('etag', etag(answer.revision));
        void reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${answer.filename}"`);
        return answer.content;
      }),
    );
  }
}

export type QueryRouteOptions<T> = Readonly<{
  summary: string;
  description?: string;
  /** The answer's schema; an array for a list of rows. */
  type: Type<T> | [Type<T>];
  /** The code of the 404 when the record is unknown. */
  notFound?: string;
  /** For a single record: its revision, sent as `ETag` for a later `If-Match`. */
  revision?: (answer: T) => number;
  /** Also answers `text/csv` (a `CsvDownload`). */
  csv?: boolean;
  /** The 400's description, when not the usual; `null` for a route with no input to refuse. */
  badRequest?: string | null;
}>;

/** Everything a read route shares: its summary, its answer's schema and headers, its documented errors. */
export const QueryRoute = <T>({
  summary,
  description,
  type,
  notFound,
  revision,
  csv,
  badRequest = 'VALIDATION_FAILED: every bad parameter with its reason',
}: QueryRouteOptions<T>) =>
  applyDecorators(
    ApiOperation({ summary, ...(description ? { description } : {}) }),
    ApiOkResponse({ type, ...(revision ? { description: '`ETag` is the record’s revision.' } : {}) }),
    ...(badRequest === null ? [] : [ApiBadRequestResponse({ description: badRequest })]),
    ...(notFound ? [ApiNotFoundResponse({ description: notFound })] : []),
    ...(csv ? [ApiProduces('application/json', 'text/csv')] : []),
    ...(revision || csv ? [SetMetadata(REVISION_OF, revision), UseInterceptors(QueryReplyInterceptor)] : []),
  );
