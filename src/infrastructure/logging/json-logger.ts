import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { currentCorrelationId } from '../request-context';

type Level = 'debug' | 'info' | 'warn' | 'error';

/** Fields that hold a credential, wherever they sit, and the personal fields of a person's record. */
const CREDENTIALS = new Set(['authorization', 'cookie', 'secret', 'token', 'password', 'apiKey']);
const PEOPLE = new Set(['customer', 'contact', 'driver', 'caller']);
const PERSONAL = new Set(['name', 'phone', 'idNumber', 'address']);
const CENSOR = '[redacted]';
/** Query parameters that can carry personal data (a lookup by phone, plate or VIN). */
const PERSONAL_QUERY = new Set(['phone', 'plate', 'vin', 'name', 'idNumber', 'q']);

/**
 * An entry's fields with credentials and people's personal data censored, at any depth (an event's data
 * inside an error's details): pino's own `redact` takes fixed paths, which would miss the nested ones.
 */
export const censored = (value: unknown, parent = ''): unknown => {
  if (Array.isArray(value)) return value.map((item) => censored(item, parent));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) =>
      CREDENTIALS.has(key) || (PEOPLE.has(parent) && PERSONAL.has(key))
        ? [key, CENSOR]
        : [key, censored(field, key)],
    ),
  );
};

/** A URL for the log: the path as it is (ids are not personal data), personal query values censored. */
export const loggableUrl = (url: string): string => {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = new URLSearchParams(url.slice(at + 1));
  for (const key of [...query.keys()]) if (PERSONAL_QUERY.has(key)) query.set(key, CENSOR);
  return `${url.slice(0, at)}?${query.toString()}`;
};

/**
 * One JSON object a line on stdout (pino), with the correlation id of the request that caused it, so a
 * command can be followed from the HTTP call through its events to the projections' logs. Personal data
 * and credentials in the fields are censored (`censored`); messages are our own text.
 */
export class JsonLogger implements LoggerService {
  private readonly pino: Logger;

  constructor(
    minimum: Level | 'silent' = 'info',
    write: (line: string) => void = (line) => process.stdout.write(line),
  ) {
    this.pino = pino(
      {
        level: minimum,
        base: undefined,
        messageKey: 'message',
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: {
          level: (label) => ({ level: label }),
          log: (fields) => censored(fields) as Record<string, unknown>,
        },
      },
      { write },
    );
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }

  /** Structured entry point for our own code. */
  entry(level: Level, message: string, fields: Record<string, unknown> = {}): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const correlationId = currentCorrelationId();
    this.pino[level]({ ...(correlationId ? { correlationId } : {}), ...fields }, message);
  }

  private emit(level: Level, message: unknown, rest: unknown[]): void {
    // Nest passes the context (class name) last, and a stack trace before it for errors.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' && rest.length > 1 ? rest[0] : undefined;
    const fields: Record<string, unknown> = {};
    if (context) fields.context = context;
    if (stack) fields.stack = stack;
    if (message instanceof Error) {
      this.entry(level, message.message, { ...fields, stack: message.stack });
    } else if (typeof message === 'object' && message !== null) {
      this.entry(level, String((message as { message?: unknown }).message ?? ''), { ...fields, ...message });
    } else {
      this.entry(level, String(message), fields);
    }
  }
}
