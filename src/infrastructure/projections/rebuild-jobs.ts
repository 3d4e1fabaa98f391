import { randomUUID } from 'node:crypto';
import type { AnyProjection } from '../../projections/shared/projection';
import { type RebuildOptions, type RebuildProgress, rebuildProjections } from './projection-rebuilder';
import type { RunnerDeps } from './runner-support';

export type RebuildJob = Readonly<{ id: string; progress: RebuildProgress; requestedAt: string }>;

/** A rebuild already runs for one of the projections asked for. */
export class RebuildAlreadyRunning extends Error {
  constructor(
    readonly rebuildId: string,
    readonly projections: readonly string[],
  ) {
    super(
      `rebuild ${rebuildId} is already rebuilding ${projections.join(', ')}: watch it at GET /admin/projections/rebuilds/${rebuildId} or stop it first`,
    );
  }
}

type Entry = {
  id: string;
  requestedAt: string;
  names: readonly string[];
  progress: RebuildProgress;
  abort: AbortController;
  done: Promise<RebuildProgress>;
};

const ACTIVE = new Set(['building', 'indexing', 'switching']);

/** Rebuilds running in this process, by id, with their latest progress. Finished ones stay listed. */
export class RebuildJobs {
  private readonly jobs = new Map<string, Entry>();

  constructor(
    private readonly deps: RunnerDeps,
    private readonly options: Omit<RebuildOptions, 'signal' | 'onProgress'>,
  ) {}

  start(definitions: readonly AnyProjection[]): RebuildJob {
    const names = definitions.map((definition) => definition.name);
    for (const entry of this.jobs.values()) {
      const overlap = entry.names.filter((name) => names.includes(name));
      if (ACTIVE.has(entry.progress.state) && overlap.length > 0)
        throw new RebuildAlreadyRunning(entry.id, overlap);
    }
    const abort = new AbortController();
    const entry: Entry = {
      id: randomUUID(),
      requestedAt: this.deps.clock().toISOString(),
      names,
      abort,
      progress: {
        projections: names,
        state: 'building',
        startPosition: 0,
        position: 0,
        head: 0,
        eventsDone: 0,
        eventsTotal: 0,
        eventsPerSecond: 0,
        etaMs: null,
        elapsedMs: 0,
        error: null,
        retry: null,
      },
      done: Promise.resolve(undefined as unknown as RebuildProgress),
    };
    entry.done = rebuildProjections(this.deps, definitions, {
      ...this.options,
      signal: abort.signal,
      onProgress: (progress) => {
        entry.progress = progress;
      },
    }).then((progress) => {
      entry.progress = progress;
      return progress;
    });
    this.jobs.set(entry.id, entry);
    return this.view(entry);
  }

  get(id: string): RebuildJob | null {
    const entry = this.jobs.get(id);
    return entry ? this.view(entry) : null;
  }

  /** Resolves when the rebuild ends (null: no such rebuild). */
  wait(id: string): Promise<RebuildProgress> | null {
    return this.jobs.get(id)?.done ?? null;
  }

  /** Stops a rebuild; what it applied is committed and a new rebuild of the same projections resumes it. */
  async stop(id: string): Promise<RebuildJob | null> {
    const entry = this.jobs.get(id);
    if (!entry) return null;
    entry.abort.abort();
    await entry.done;
    return this.view(entry);
  }

  async stopAll(): Promise<void> {
    for (const entry of this.jobs.values()) entry.abort.abort();
    await Promise.all([...this.jobs.values()].map((entry) => entry.done));
  }

  private view(entry: Entry): RebuildJob {
    return { id: entry.id, progress: entry.progress, requestedAt: entry.requestedAt };
  }
}
