import { join } from 'node:path';
import { MessageChannel, type Worker } from 'node:worker_threads';
import type { EventStore } from '../../application/ports/event-store.port';
import { serveAppends } from './forwarded-appends';
import { startWorker, workerScript } from './script-worker';
import type { LeaseHolder } from '../leases/lease-keeper';
import type { OwnedProjectionStatus, OwnedReactorStatus } from '../projections/projection-engine';
import { type RebuildJob, RebuildAlreadyRunning } from '../projections/rebuild-jobs';
import type { SweepStatus } from '../watchers/periodic-sweep';

type OwnedSweepStatus = SweepStatus & Readonly<{ owner: LeaseHolder | null }>;

/** DI token of the link to the projection worker, in an API process that runs its projections in one. */
export const PROJECTION_WORKER = Symbol('PROJECTION_WORKER');

/** What the worker's runners report, as `/health` shows them. */
export type WorkerStatuses = Readonly<{
  projections: readonly OwnedProjectionStatus[];
  reactors: readonly OwnedReactorStatus[];
  watchers: readonly OwnedSweepStatus[];
}>;

/** The worker itself: `running` once its application has started; `restarting` after it ended unasked. */
export type WorkerState = Readonly<{
  state: 'starting' | 'running' | 'restarting' | 'stopped';
  /** Times it ended unasked and was started again. */
  restarts: number;
  /** Why it last ended unasked or failed to start. */
  lastError: string | null;
}>;

/** Messages between the API's thread and the worker (`src/projection-worker.ts`). */
/** What the API's admin routes ask of the worker's rebuild jobs. */
export type RebuildRequest =
  | { op: 'start'; names: readonly string[] | 'all' }
  | { op: 'get'; jobId: string }
  | { op: 'stop'; jobId: string };

export type ToWorker =
  | { type: 'statuses'; id: number }
  | { type: 'positions'; id: number }
  | ({ type: 'rebuild'; id: number } & RebuildRequest)
  | { type: 'stop' };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; error: string }
  | ({ type: 'statuses'; id: number } & WorkerStatuses)
  | { type: 'positions'; id: number; lowest: number | null }
  | { type: 'rebuild'; id: number; job: RebuildJob | null }
  | { type: 'rebuild-refused'; id: number; rebuildId: string; projections: readonly string[] }
  | { type: 'statuses-failed'; id: number; error: string }
  | { type: 'stopped' };

type Log = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

export type ProjectionWorkerOptions = Readonly<{
  /** The worker's script; default `projection-worker.js` (or `.ts` under ts-node) beside `src/`'s root. */
  file?: string;
  /** The worker's environment, from which it reads its configuration (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** How long a status request may take before it is answered as failed. */
  statusTimeoutMs?: number;
  /** How long a stop may take before the thread is terminated. */
  stopTimeoutMs?: number;
  /** Restart backoff after an unasked end: first wait, doubled up to the maximum. */
  restartMs?: Readonly<{ first: number; max: number }>;
}>;

/** The worker's script: `dist/projection-worker.js` beside `dist/main.js`, or the `.ts` source. */
const defaultWorkerFile = (): string => workerScript(join(__dirname, '..', '..', 'projection-worker'));

/**
 * The API's side of the projection worker (issue 14 §1): a worker thread that runs the application with
 * its projections, reactors, webhook deliveries and clock watchers, so their work leaves the event loop
 * that answers requests. The API itself runs none of them (`runProjections: false` on its thread); its
 * `/health`, `/metrics` and admin listing ask the worker for its runners' statuses through this link.
 * The worker opens its own connections to the stores; on the embedded default it is told of the API's
 * appends by the SQLite store's channel between threads, not by a poll. A worker that ends unasked (a
 * crash) is started again with backoff, from its checkpoints, as after a restart of the process; meanwhile
 * `/health` is `degraded`.
 */
export class ProjectionWorkerLink {
  private worker: Worker | null = null;
  private readonly pending = new Map<
    number,
    { resolve: (reply: FromWorker) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }
  >();
  private nextId = 1;
  private current: WorkerState = { state: 'stopped', restarts: 0, lastError: null };
  private stopping = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private restartWaitMs: number;
  private lastWatchers: readonly OwnedSweepStatus[] = [];
  private readonly file: string;
  private appendStore: EventStore | null = null;

  constructor(
    private readonly log: Log,
    private readonly options: ProjectionWorkerOptions = {},
  ) {
    this.file = options.file ?? defaultWorkerFile();
    this.restartWaitMs = this.restartPolicy.first;
  }

  /**
   * The worker's appends are committed by this store (the API's), not by a connection of the worker's own:
   * on SQLite, which has one writer at a time (`ForwardedAppends`). Set before `start`.
   */
  appendThrough(store: EventStore): void {
    this.appendStore = store;
  }

  /** Starts the worker and resolves once its application runs; rejects when it could not start. */
  start(): Promise<void> {
    this.stopping = false;
    this.current = { ...this.current, state: 'starting' };
    const channel = this.appendStore ? new MessageChannel() : null;
    if (channel && this.appendStore) serveAppends(channel.port1, this.appendStore);
    const workerData = { appends: channel?.port2 ?? null };
    const transferList = channel ? [channel.port2] : [];
    const worker = startWorker(this.file, { env: this.options.env ?? process.env, workerData, transferList });
    this.worker = worker;
    return new Promise<void>((resolve, reject) => {
      let started = false;
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          started = true;
          this.current = { ...this.current, state: 'running', lastError: null };
          this.restartWaitMs = this.restartPolicy.first;
          resolve();
        } else if (message.type === 'failed') {
          this.current = { ...this.current, lastError: message.error };
        } else {
          this.answer(message);
        }
      });
      worker.on('error', (error) => {
        this.current = { ...this.current, lastError: error.message };
      });
      worker.on('exit', (code) => {
        if (this.worker === worker) this.worker = null;
        channel?.port1.close();
        this.failPending(new Error(`the projection worker ended (exit code ${code})`));
        if (!started) {
          reject(
            new Error(
              `the projection worker did not start: ${this.current.lastError ?? `exit code ${code}`}`,
            ),
          );
        }
        if (this.stopping) {
          this.current = { ...this.current, state: 'stopped' };
          return;
        }
        if (started) this.restartLater(code);
      });
    });
  }

  /** The worker's runners as it reports them now; fails when it does not answer in time. */
  async statuses(): Promise<WorkerStatuses> {
    const reply = await this.ask('statuses');
    if (reply.type !== 'statuses') throw new Error(`the projection worker answered ${reply.type}`);
    const { projections, reactors, watchers } = reply;
    this.lastWatchers = watchers;
    return { projections, reactors, watchers };
  }

  /**
   * The lowest position of the worker's live projection runners, null when it runs none: a cheap reading
   * (no lag is counted) for the bench's lag sampler.
   */
  async lowestPosition(): Promise<number | null> {
    const reply = await this.ask('positions');
    if (reply.type !== 'positions') throw new Error(`the projection worker answered ${reply.type}`);
    return reply.lowest;
  }

  /**
   * A rebuild job of the worker's: started, read or stopped there (`ProjectionEngine`'s rebuild methods).
   * A rebuild already running for one of the projections is refused as in this thread.
   */
  async rebuilds(request: RebuildRequest): Promise<RebuildJob | null> {
    // Stopping waits for the job to commit what it applied: longer than a status.
    const reply = await this.ask(
      (id) => ({ type: 'rebuild', id, ...request }),
      request.op === 'stop' ? 60_000 : undefined,
    );
    if (reply.type === 'rebuild-refused') throw new RebuildAlreadyRunning(reply.rebuildId, reply.projections);
    if (reply.type !== 'rebuild') throw new Error(`the projection worker answered ${reply.type}`);
    return reply.job;
  }

  private ask(
    request: 'statuses' | 'positions' | ((id: number) => ToWorker),
    timeoutMs = this.options.statusTimeoutMs ?? 5000,
  ): Promise<FromWorker> {
    const worker = this.worker;
    if (!worker || this.current.state !== 'running')
      return Promise.reject(new Error(`the projection worker is ${this.current.state}`));
    const id = this.nextId++;
    return new Promise<FromWorker>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error('the projection worker did not answer in time'));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage(
        typeof request === 'string' ? ({ type: request, id } satisfies ToWorker) : request(id),
      );
    });
  }

  /** The clock watchers as the worker last reported them (their reading is synchronous). */
  watcherStatuses(): readonly OwnedSweepStatus[] {
    return this.lastWatchers;
  }

  state(): WorkerState {
    return this.current;
  }

  /** Asks the worker to stop its application (runners finish their batch), then waits for the thread's end. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (!worker) {
      this.current = { ...this.current, state: 'stopped' };
      return;
    }
    const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'stop' } satisfies ToWorker);
    const timer = setTimeout(() => void worker.terminate(), this.options.stopTimeoutMs ?? 30_000);
    await ended;
    clearTimeout(timer);
  }

  private get restartPolicy() {
    return this.options.restartMs ?? { first: 1000, max: 30_000 };
  }

  private answer(message: FromWorker): void {
    if (!('id' in message)) return;
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    clearTimeout(waiting.timer);
    if (message.type === 'statuses-failed') waiting.reject(new Error(message.error));
    else waiting.resolve(message);
  }

  private failPending(error: Error): void {
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
      this.pending.delete(id);
    }
  }

  private restartLater(code: number): void {
    const wait = this.restartWaitMs;
    this.restartWaitMs = Math.min(this.restartPolicy.max, wait * 2);
    this.current = {
      state: 'restarting',
      restarts: this.current.restarts + 1,
      lastError: this.current.lastError ?? `exit code ${code}`,
    };
    this.log('error', `the projection worker ended (exit code ${code}); starting it again in ${wait} ms`, {
      lastError: this.current.lastError,
    });
    this.restartTimer = setTimeout(() => {
      this.start().catch((error: unknown) => {
        this.log('error', `the projection worker did not start again: ${String(error)}`);
        if (!this.stopping) this.restartLater(1);
      });
    }, wait);
    this.restartTimer.unref();
  }
}
