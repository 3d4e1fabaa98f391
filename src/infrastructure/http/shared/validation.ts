import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldError, RequestValidationError } from './problem-details';
import { textErrors } from './text-rules';

const flatten = (errors: readonly ValidationError[], parent = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(error.children ?? [], field)];
  });

const NOT_AN_OBJECT: FieldError = { field: '(body)', reason: 'the body must be a JSON object' };

const isPlainObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Before the DTO's own rules: a body that was sent is a JSON object (Nest's pipe would take `null` for
 * `{}`, so a body of optional fields would be a command), and every string of a body or query is text
 * a person could have typed (textErrors).
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && !metadata.data && value !== undefined && !isPlainObject(value)) {
      throw new RequestValidationError([NOT_AN_OBJECT]);
    }
    if (metadata.type === 'body' || metadata.type === 'query') {
      const errors = textErrors(value);
      if (errors.length) throw new RequestValidationError(errors);
    }
    return super.transform(value, metadata);
  }
}

/**
 * Validation for every body and query: unknown fields are refused (not silently dropped), values are
 * converted to the DTO's types, and every bad field comes back with its reason.
 */
export const validationPipe = (): ValidationPipe =>
  new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new RequestValidationError(fields.length ? fields : [NOT_AN_OBJECT]);
    },
  });
