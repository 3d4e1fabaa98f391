/** One event a command appended (or, for a replayed retry, had appended). */
export class AppendedEvent {
  /** @example 0190a6f4-3c1e-7a55-9d1e-5f0c2b8e4a11 */
  eventId!: string;
  /** @example ComplaintFiled */
  type!: string;
  /** @example 0 */
  revision!: number;
}

/** What every command answers. */
export class CommandReply {
  /** The record the command acted on. @example c-2026-000142 */
  id!: string;
  /** @example complaint-c-2026-000142 */
  streamId!: string;
  /** Stream revision after the command; also the ETag. @example 0 */
  revision!: number;
  /** Global position of the last event written (null when the command decided nothing). @example 17 */
  position!: number | null;
  events!: AppendedEvent[];
  /** True when an Idempotency-Key retry returned the first outcome. @example false */
  replayed!: boolean;
}
