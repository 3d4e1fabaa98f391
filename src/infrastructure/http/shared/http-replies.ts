import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

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
