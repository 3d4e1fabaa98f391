import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  HttpCode,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  type Type,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { COMMAND_HEADERS, etag } from './http-replies';
import type { CommandReply } from './command-sender';
import { CommandReply as CommandReplySchema } from './command.responses';

const CREATES = 'http:command-creates';
type Creates = Readonly<{ collection: string; idField: string }>;
/** A command's reply, and whatever else its route answers (the sale an order opens). */
type Answer = CommandReply & Readonly<Record<string, unknown>>;

/** Answers a command's reply with its status and headers: `ETag`, `Idempotent-Replayed`, and `Location` for a creation. */
@Injectable()
export class CommandReplyInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler<Answer>): Observable<Answer> {
    const creates = this.reflector.get<Creates | undefined>(CREATES, context.getHandler());
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((answer) => {
        void reply.header('etag', etag(answer.revision));
        if (answer.replayed) void reply.header('idempotent-replayed', 'true');
        if (creates)
          void reply.header('location', `${creates.collection}/${String(answer[creates.idField])}`);
        return answer;
      }),
    );
  }
}

export type CommandRouteOptions = Readonly<{
  summary: string;
  description?: string;
  /** For a command that opens a record: the collection path its `Location` is under (answers 201). */
  creates?: string;
  /** The answer's field naming the record `creates` opened, when it is not `id` (an order opens a sale). */
  createdIdField?: string;
  /** Defaults to 201 when the command `creates`, else 200; a 201 without `creates` has no `Location`. */
  status?: 200 | 201;
  /** The answer's schema, when it says more than `CommandReply` (the sale an order opened). */
  reply?: Type<CommandReplySchema>;
  /** The code of the 404 when the record is unknown. */
  notFound?: string;
  /** The path parameter naming the record. */
  idParam?: string;
  /** The domain codes of the 422 refusals this command can give, comma-separated. */
  refusals?: string;
  /** The domain codes of its 409s beside a lost race: a duplicate it refuses (an id or a code taken). */
  conflicts?: string;
}>;

const LOST_RACE = 'WRONG_EXPECTED_REVISION (a stale If-Match or a lost race): nothing was appended';
/** Any command that records personal data can meet a customer who was forgotten. */
const ALWAYS_UNPROCESSABLE =
  'IDEMPOTENCY_KEY_REUSED, CUSTOMER_FORGOTTEN (new personal data of an erased customer)';

/**
 * Everything a command route shares, in one decorator: status (200, or 201 with `Location` for a
 * creation), the reply's headers, the request headers it accepts, and its documented answers.
 */
export const CommandRoute = ({
  summary,
  description,
  creates,
  createdIdField = 'id',
  status = creates ? 201 : 200,
  reply = CommandReplySchema,
  notFound,
  refusals,
  conflicts,
  idParam,
}: CommandRouteOptions) =>
  applyDecorators(
    HttpCode(status),
    SetMetadata(CREATES, creates ? { collection: creates, idField: createdIdField } : undefined),
    UseInterceptors(CommandReplyInterceptor),
    ApiOperation({ summary, ...(description ? { description } : {}) }),
    COMMAND_HEADERS(),
    ...(idParam
      ? [
          ApiParam({
            name: idParam,
            type: String,
            description: 'The record: 1 to 64 letters, digits, _ or -',
          }),
        ]
      : []),
    status === 201
      ? ApiCreatedResponse({
          type: reply,
          description: creates
            ? '`Location` names the record, `ETag` its revision.'
            : '`ETag` is the new revision.',
        })
      : ApiOkResponse({ type: reply, description: '`ETag` is the new revision.' }),
    ApiBadRequestResponse({ description: 'VALIDATION_FAILED: every bad field with its reason' }),
    ...(notFound ? [ApiNotFoundResponse({ description: notFound })] : []),
    ApiConflictResponse({ description: conflicts ? `${conflicts}; ${LOST_RACE}` : LOST_RACE }),
    ApiUnprocessableEntityResponse({
      description: refusals ? `${refusals}, ${ALWAYS_UNPROCESSABLE}` : ALWAYS_UNPROCESSABLE,
    }),
  );

/** The decorator of one aggregate's steps: a command on an existing record, which is a 404 when unknown. */
export const stepRoutes =
  (target: Readonly<{ idField: string }>, notFound: string) =>
  (summary: string, refusals?: string, description?: string): MethodDecorator & ClassDecorator =>
    CommandRoute({ summary, notFound, refusals, description, idParam: target.idField });

/** A command that opens a record under `collection`: 201 with `Location`. */
export const OpensRecord = (
  collection: string,
  summary: string,
  refusals?: string,
  description?: string,
  conflicts?: string,
): MethodDecorator & ClassDecorator =>
  CommandRoute({ summary, creates: collection, refusals, description, conflicts });
