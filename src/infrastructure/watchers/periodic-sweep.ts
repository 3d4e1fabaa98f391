import { WrongExpectedRevisionError } from '../../application/ports/event-store.port';
import type { CommandResult } from '../../application/shared/command-context';

export type SweepResult = Readonly<{ checked: number; recorded: number }>;

export type SweepStatus = Readonly<{
  name: string;
  intervalMs: number;
  lastSweep: Readonly<{ at: string; checked: number; recorded: number }> | null;
  lastError: Readonly<{ at: string; message: string }> | null;
}>;

/**
 * The timer of a clock-driven worker: runs a sweep every `intervalMs` (never when 0), never two at once,
 * and lets a running sweep finish on stop. The sweep itself keeps no state: it asks a read model where to
 * look and sends idempotent commands, so a restart or a rebuild changes nothing.
 */
export class PeriodicSweep {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SweepResult> | undefined;
  private intervalMs = 0;
  private lastSweep: SweepStatus['lastSweep'] = null;
  private lastError: SweepStatus['lastError'] = null;

  constructor(
    readonly name: string,
    private readonly once: () => Promise<SweepResult>,
    private readonly onError: (message: string) => void,
  ) {}

  start(intervalMs: number): void {
    if (intervalMs === 0 || this.timer) return;
    this.intervalMs = intervalMs;
    this.timer = setInterval(() => {
      this.run().catch((error: unknown) =>
        this.onError(`${this.name} sweep failed: ${String(error)}; the next sweep retries`),
      );
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One sweep now; joins the one under way, if any. */
  run(): Promise<SweepResult> {
    this.running ??= this.once()
      .then(
        (result) => {
          this.lastSweep = { at: new Date().toISOString(), ...result };
          return result;
        },
        (error: unknown) => {
          this.lastError = { at: new Date().toISOString(), message: String(error) };
          throw error;
        },
      )
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** For /health: when it last swept (wall clock), what it did, and its last failure. */
  status(): SweepStatus {
    return {
      name: this.name,
      intervalMs: this.intervalMs,
      lastSweep: this.lastSweep,
      lastError: this.lastError,
    };
  }
}

/**
 * Sends each due record its catch-up command. A record changed by someone else at the same moment (a lost
 * race on its revision) is left for the next sweep, which sees the new state.
 */
export const sendDueCommands = async <T>(
  due: readonly T[],
  send: (record: T) => Promise<CommandResult>,
): Promise<SweepResult> => {
  let recorded = 0;
  for (const record of due) {
    try {
      const result = await send(record);
      if (!result.replayed) recorded += result.events.length;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }
  return { checked: due.length, recorded };
};
