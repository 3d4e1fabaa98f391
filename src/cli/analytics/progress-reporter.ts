import { SingleBar } from 'cli-progress';
import type { RebuildProgress } from '../../infrastructure/projections/projection-rebuilder';

const seconds = (ms: number | null): string => (ms === null ? '?' : `${Math.ceil(ms / 1000)}s`);

const line = (progress: RebuildProgress): string =>
  `${progress.state}: ${progress.eventsDone}/${progress.eventsTotal} events, ${progress.eventsPerSecond} events/s, ${seconds(progress.etaMs)} left`;

/**
 * A progress bar on a terminal (events done, rate, time left); plain lines, at most one every 2 s, when
 * stdout is not a TTY or with --no-progress, so logs and CI output stay readable.
 */
export const progressReporter = (bar: boolean) => {
  if (!bar) {
    let last = 0;
    let lastState = '';
    return {
      update: (progress: RebuildProgress) => {
        const now = Date.now();
        if (progress.state === lastState && now - last < 2000) return;
        last = now;
        lastState = progress.state;
        process.stdout.write(`${line(progress)}\n`);
      },
      stop: (progress: RebuildProgress) => {
        if (progress.state !== lastState) process.stdout.write(`${line(progress)}\n`);
      },
    };
  }
  const progressBar = new SingleBar({
    format: '{state} [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | {left} left',
    hideCursor: true,
  });
  let started = false;
  const update = (progress: RebuildProgress) => {
    const payload = {
      state: progress.state,
      rate: progress.eventsPerSecond,
      left: seconds(progress.etaMs),
    };
    if (!started) {
      progressBar.start(Math.max(progress.eventsTotal, 1), progress.eventsDone, payload);
      started = true;
    }
    progressBar.setTotal(Math.max(progress.eventsTotal, 1));
    progressBar.update(progress.eventsDone, payload);
  };
  return {
    update,
    stop: (progress: RebuildProgress) => {
      update(progress);
      progressBar.stop();
    },
  };
};
