export class NoopReply {
  /** @example true */
  ok!: true;
}
