import { IsISO8601, IsOptional } from 'class-validator';

/** Every command body may say when the fact happened in the business. */
export class BusinessTime {
  /**
   * When it happened in the business (ISO 8601 with offset). Defaults to now; integrators send it when
   * they sync past facts.
   * @example 2026-03-02T09:00:00+08:00
   */
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt?: string;
}

/** A command that needs nothing but its target and, optionally, its business time. */
export class EmptyCommandBody extends BusinessTime {}
