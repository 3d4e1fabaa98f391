/**
 * What kind of refusal a domain error is. The HTTP layer maps it:
 * not-found → 404, already-exists → 409, forbidden-transition → 422.
 */
export type DomainErrorKind = 'not-found' | 'already-exists' | 'forbidden-transition';

/** A refusal by the domain, with a stable machine-readable code (SCREAMING_SNAKE_CASE). */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}
