import type { LoggerService } from '@nestjs/common';
import { currentCorrelationId } from '../request-context';

type Level = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * One JSON object a line on stdout, with the correlation id of the request that caused it, so a
 * command can be followed from the HTTP call through its events to the projections' logs.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly minimum: Level | 'silent' = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

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
    if (RANK[level] < RANK[this.minimum]) return;
    const correlationId = currentCorrelationId();
    this.write(
      JSON.stringify({
        time: new Date().toISOString(),
        level,
        message,
        ...(correlationId ? { correlationId } : {}),
        ...fields,
      }),
    );
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
