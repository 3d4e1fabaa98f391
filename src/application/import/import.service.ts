import { Inject, Injectable } from '@nestjs/common';
import { type Command as BusCommand, CommandBus } from '@nestjs/cqrs';
import { createHash, randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/shared/domain-error';
import type { Actor } from '../../domain/shared/event';
import { AccessError } from '../access/access-errors';
import { WrongExpectedRevisionError } from '../ports/event-store.port';
import { RequestFingerprint } from '../privacy/request-fingerprint';
import { canonicalJson } from '../shared/canonical-json';
import type { CommandContext, CommandResult } from '../shared/command-context';
import { inBusinessTimeOrder, type ParsedRow, type ReadRows } from './import-rows';

/** A field of a row that its type's rules refuse, with the reason (the HTTP body's message). */
export type RowFieldError = Readonly<{ field: string; reason: string }>;

/** Thrown by a row type when the row's fields break its body's rules. */
export class ImportRowInvalid extends Error {
  constructor(readonly fields: readonly RowFieldError[]) {
    super(fields.map(({ field, reason }) => `${field}: ${reason}`).join('; '));
  }
}

/**
 * One kind of row: the command it becomes, checked by the same rules as its HTTP body. Declared at the
 * edge (src/infrastructure/import), where the body classes are, and bound here by IMPORT_ROW_TYPES.
 */
export type ImportRowType = Readonly<{
  type: string;
  /** The field naming the record the row acts on (required in an import, even where HTTP makes one up). */
  idField: string;
  /** The bus message of the row, as its route would send it; throws ImportRowInvalid. */
  command: (
    fields: Readonly<Record<string, unknown>>,
    fromText: boolean,
    context: CommandContext,
  ) => Promise<BusCommand<unknown>>;
}>;

export const IMPORT_ROW_TYPES = Symbol('IMPORT_ROW_TYPES');

export type RefusedRow = Readonly<{
  line: number;
  type: string | null;
  recordId: string | null;
  occurredAt: string | null;
  code: string;
  detail: string;
  fields?: readonly RowFieldError[];
}>;

export type ImportReport = Readonly<{
  rows: number;
  /** Rows whose command appended events now. */
  appended: number;
  /** Rows imported by an earlier run (their Idempotency-Key found in the stream): nothing appended. */
  skipped: number;
  /** Rows the record already reflected (the decider had nothing to append), e.g. a repeat enquiry's twin. */
  unchanged: number;
  refused: number;
  events: number;
  /** The business time of the first and last row run, null when none ran. */
  from: string | null;
  to: string | null;
  refusedRows: readonly RefusedRow[];
}>;

export type ImportProgress = Readonly<{ done: number; total: number; refused: number }>;

export type ImportOptions = Readonly<{
  /** Who runs the import: the events' actor is `import:<userId>`. */
  userId: string;
  onProgress?: (progress: ImportProgress) => void;
}>;

type Placed = ParsedRow &
  Readonly<{ at: number; occurredAt: string; recordId: string; rowType: ImportRowType }>;

/** A bus answer is a CommandResult, or an outcome that carries one (a registration, an order). */
const resultOf = (answer: unknown): CommandResult =>
  (answer as { result?: CommandResult }).result ?? (answer as CommandResult);

/**
 * Bulk import of DMS history (docs/import.md): each row is one command, checked by its HTTP body's rules,
 * run in business-time order through the command bus (the same handlers and pipeline as HTTP), with an
 * Idempotency-Key made from the row's identity (type, record, business time), so a second run of a file
 * appends nothing and a corrected row is refused as IDEMPOTENCY_KEY_REUSED instead of applied twice. A
 * refused row is reported and the run goes on; a store failure stops it.
 */
@Injectable()
export class ImportService {
  private readonly types: ReadonlyMap<string, ImportRowType>;

  constructor(
    private readonly bus: CommandBus,
    private readonly fingerprint: RequestFingerprint,
    @Inject(IMPORT_ROW_TYPES) rowTypes: readonly ImportRowType[],
  ) {
    this.types = new Map(rowTypes.map((rowType) => [rowType.type, rowType]));
  }

  /** The row types this import takes, for `--help` and the docs. */
  typeNames(): string[] {
    return [...this.types.keys()];
  }

  async run({ rows, unreadable }: ReadRows, options: ImportOptions): Promise<ImportReport> {
    const refusedRows: RefusedRow[] = unreadable.map(({ line, code, detail }) => ({
      line,
      type: null,
      recordId: null,
      occurredAt: null,
      code,
      detail,
    }));
    const placed: Placed[] = [];
    for (const row of rows) {
      const place = this.place(row);
      if ('code' in place) refusedRows.push(place);
      else placed.push(place);
    }
    const ordered = inBusinessTimeOrder(placed);
    const actor: Actor = { userId: `import:${options.userId}`, role: 'system', dealerId: null };
    const correlationId = randomUUID();
    const counts = { appended: 0, skipped: 0, unchanged: 0, events: 0 };
    const total = rows.length + unreadable.length;
    let done = total - ordered.length;
    for (const row of ordered) {
      const refusal = await this.runRow(row, actor, correlationId, counts);
      if (refusal) refusedRows.push(refusal);
      done += 1;
      options.onProgress?.({ done, total, refused: refusedRows.length });
    }
    return {
      rows: total,
      ...counts,
      refused: refusedRows.length,
      from: ordered[0]?.occurredAt ?? null,
      to: ordered[ordered.length - 1]?.occurredAt ?? null,
      refusedRows: refusedRows.sort((a, b) => a.line - b.line),
    };
  }

  /** A row's type, record and business time, which it needs before it can be placed in time. */
  private place(row: ParsedRow): Placed | RefusedRow {
    const refuse = (code: string, detail: string, fields?: RowFieldError[]): RefusedRow => ({
      line: row.line,
      type: row.type,
      recordId: null,
      occurredAt: null,
      code,
      detail,
      ...(fields ? { fields } : {}),
    });
    const rowType = this.types.get(row.type);
    if (!rowType)
      return refuse('UNKNOWN_ROW_TYPE', `no row type ${row.type}: one of ${this.typeNames().join(', ')}`);
    const recordId = row.fields[rowType.idField];
    const at = typeof row.fields.occurredAt === 'string' ? Date.parse(row.fields.occurredAt) : NaN;
    const missing: RowFieldError[] = [
      ...(typeof recordId === 'string' && recordId !== ''
        ? []
        : [{ field: rowType.idField, reason: `names the record: required in an import` }]),
      ...(Number.isNaN(at)
        ? [{ field: 'occurredAt', reason: 'the business time of the fact (ISO 8601): required in an import' }]
        : []),
    ];
    if (missing.length) return refuse('VALIDATION_FAILED', new ImportRowInvalid(missing).message, missing);
    const occurredAt = new Date(at).toISOString();
    return { ...row, at, occurredAt, recordId: recordId as string, rowType };
  }

  private async runRow(
    row: Placed,
    actor: Actor,
    correlationId: string,
    counts: { appended: number; skipped: number; unchanged: number; events: number },
  ): Promise<RefusedRow | undefined> {
    const identity = `${row.type}|${row.recordId}|${row.occurredAt}`;
    const context: CommandContext = {
      now: row.occurredAt,
      correlationId,
      causationId: null,
      actor,
      idempotencyKey: `import:${createHash('sha256').update(identity).digest('hex').slice(0, 40)}`,
      // Any operator's re-run of the same row is a retry: the fingerprint names the import, not the user.
      requestHash: this.fingerprint.of('import', 'IMPORT', row.type, canonicalJson(row.fields)),
    };
    const refused = (code: string, detail: string, fields?: readonly RowFieldError[]): RefusedRow => ({
      line: row.line,
      type: row.type,
      recordId: row.recordId,
      occurredAt: row.occurredAt,
      code,
      detail,
      ...(fields ? { fields } : {}),
    });
    try {
      const message = await row.rowType.command(row.fields, row.fromText, context);
      const result = resultOf(await this.bus.execute(message));
      if (result.replayed) counts.skipped += 1;
      else if (result.events.length === 0) counts.unchanged += 1;
      else {
        counts.appended += 1;
        counts.events += result.events.length;
      }
      return undefined;
    } catch (error) {
      if (error instanceof ImportRowInvalid) return refused('VALIDATION_FAILED', error.message, error.fields);
      if (error instanceof DomainError || error instanceof AccessError)
        return refused(error.code, error.message);
      if (error instanceof WrongExpectedRevisionError)
        return refused('CONFLICT', `${error.message}: another writer moved the record; run the import again`);
      throw error;
    }
  }
}
