import { applyDecorators, HttpCode } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CommandResultDto } from './command.dto';
import { COMMAND_HEADERS } from './http-replies';

/** What every step on an existing prospect or sale documents: 200, its headers, and its problems. */
export const stepRoute = (summary: string, notFound: string, refusals: string, description?: string) =>
  applyDecorators(
    HttpCode(200),
    ApiOperation({ summary, ...(description ? { description } : {}) }),
    COMMAND_HEADERS(),
    ApiOkResponse({ type: CommandResultDto, description: '`ETag` is the new revision.' }),
    ApiBadRequestResponse({ description: 'VALIDATION_FAILED: every bad field with its reason' }),
    ApiNotFoundResponse({ description: notFound }),
    ApiConflictResponse({ description: 'WRONG_EXPECTED_REVISION (a stale If-Match or a lost race)' }),
    ApiUnprocessableEntityResponse({ description: `${refusals}, IDEMPOTENCY_KEY_REUSED` }),
  );
