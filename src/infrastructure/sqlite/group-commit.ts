/** What became of one request of a group: its own result or its own error. */
export type GroupOutcome<Result> =
  Readonly<{ ok: true; value: Result }> | Readonly<{ ok: false; error: unknown }>;

type Waiting<Request, Result> = Readonly<{
  request: Request;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}>;

/**
 * Group commit (issue 14 §3): the requests submitted during one turn of the event loop are handed to
 * `commit` together, in the order they came, on the loop's next check phase (`setImmediate`). `commit` is
 * synchronous (better-sqlite3) and answers one outcome per request; every promise settles only after it has
 * returned, so nothing is acknowledged before its transaction is durable. If `commit` throws, nothing of
 * the group was committed and every request of the group fails with that error.
 *
 * While a commit (and its fsync) runs, the loop is blocked, so the requests that arrive meanwhile wait in
 * the sockets; the next poll phase reads them all and their appends make up the next group. Under load
 * the groups therefore grow by themselves; a lone request waits one loop turn, no timer.
 */
export class GroupCommit<Request, Result> {
  private pending: Waiting<Request, Result>[] = [];
  private scheduled = false;

  constructor(
    private readonly commit: (requests: readonly Request[]) => readonly GroupOutcome<Result>[],
    /** After a commit returned, before any request settles (outside the commit: it cannot undo it). */
    private readonly committed: (
      requests: readonly Request[],
      outcomes: readonly GroupOutcome<Result>[],
    ) => void = () => undefined,
  ) {}

  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.flush());
    });
  }

  /** Whether a request waiting for the next commit passes `test`. */
  isWaiting(test: (request: Request) => boolean): boolean {
    return this.pending.some((waiting) => test(waiting.request));
  }

  /**
   * Commits what is waiting now: `close` calls it so that no submitted request is left unanswered, and a
   * reader that must see the waiting requests (the store's `readStream`) before the loop turn ends.
   */
  flush(): void {
    this.scheduled = false;
    const group = this.pending;
    if (group.length === 0) return;
    this.pending = [];
    const requests = group.map((waiting) => waiting.request);
    let outcomes: readonly GroupOutcome<Result>[];
    try {
      outcomes = this.commit(requests);
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
      return;
    }
    this.committed(requests, outcomes);
    group.forEach((waiting, index) => {
      const outcome = outcomes[index];
      if (outcome.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome.error);
    });
  }
}
