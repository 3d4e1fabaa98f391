import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type ContainerRuntime = { available: true } | { available: false; reason: string };

/** Whole budget for deciding; a missing runtime must cost a test run seconds, never minutes. */
const PROBE_TIMEOUT_MS = 3000;

/** `key=value` lines of ~/.testcontainers.properties, where testcontainers also looks for a host. */
const testcontainersProperties = (): Record<string, string> => {
  const file = join(homedir(), '.testcontainers.properties');
  if (!existsSync(file)) return {};
  const entries = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && line.includes('='))
    .map((line) => [line.slice(0, line.indexOf('=')).trim(), line.slice(line.indexOf('=') + 1).trim()]);
  return Object.fromEntries(entries);
};

/**
 * Where testcontainers' strategies would look, checked without connecting: an explicit host (environment
 * or properties file), then the usual rootful and rootless sockets. No candidate means no runtime.
 */
const runtimeCandidate = (): string | null => {
  const explicit =
    process.env.TESTCONTAINERS_HOST_OVERRIDE ??
    process.env.DOCKER_HOST ??
    testcontainersProperties()['docker.host'];
  if (explicit) return explicit;
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const sockets = [
    '/var/run/docker.sock',
    process.env.XDG_RUNTIME_DIR ? join(process.env.XDG_RUNTIME_DIR, 'docker.sock') : null,
    join(homedir(), '.docker', 'run', 'docker.sock'),
    join(homedir(), '.docker', 'desktop', 'docker.sock'),
    uid === undefined ? null : `/run/user/${uid}/docker.sock`,
  ];
  return sockets.find((socket): socket is string => socket !== null && existsSync(socket)) ?? null;
};

const NO_CANDIDATE =
  'no DOCKER_HOST, no ~/.testcontainers.properties docker.host and no Docker socket (/var/run/docker.sock or rootless)';

/**
 * Whether a container runtime answers: a cheap look for a socket or host first, then testcontainers' own
 * runtime strategy (which asks the engine for its info) under a short timeout, since a dead engine behind a
 * live socket can leave that request hanging.
 */
export const containerRuntime = async (): Promise<ContainerRuntime> => {
  const candidate = runtimeCandidate();
  if (!candidate) return { available: false, reason: NO_CANDIDATE };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ContainerRuntime>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({ available: false, reason: `${candidate}: did not answer within ${PROBE_TIMEOUT_MS} ms` }),
      PROBE_TIMEOUT_MS,
    );
  });
  const probe = import('testcontainers')
    .then(({ getContainerRuntimeClient }) => getContainerRuntimeClient())
    .then(
      (): ContainerRuntime => ({ available: true }),
      (error: unknown): ContainerRuntime => ({
        available: false,
        reason: `${candidate}: ${error instanceof Error ? error.message : String(error)}`,
      }),
    );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

let decided: ContainerRuntime | undefined;

/**
 * The same answer, synchronously, because Jest collects `describe` blocks synchronously. When a candidate
 * exists, the full check runs in a child Node process bounded by the timeout, so a hanging engine cannot
 * hang the collection of the test file.
 */
export const containerRuntimeSync = (): ContainerRuntime => {
  if (decided) return decided;
  const candidate = runtimeCandidate();
  if (!candidate) return (decided = { available: false, reason: NO_CANDIDATE });
  const script = `require(${JSON.stringify(require.resolve('testcontainers'))}).getContainerRuntimeClient()
    .then(() => process.exit(0), (error) => { process.stderr.write(String(error && error.message)); process.exit(1); });`;
  const child = spawnSync(process.execPath, ['-e', script], { timeout: PROBE_TIMEOUT_MS, encoding: 'utf8' });
  if (child.status === 0) return (decided = { available: true });
  const why = child.error
    ? `did not answer within ${PROBE_TIMEOUT_MS} ms`
    : child.stderr.trim() || 'probe failed';
  return (decided = { available: false, reason: `${candidate}: ${why}` });
};

/**
 * `describe` when a container runtime answers; otherwise `describe.skip`, so Jest reports the suite as
 * skipped (never passed), after saying once why and what this run therefore does not check.
 */
export const describeWithContainers = (suite: string, unchecked: string, body: () => void): void => {
  const runtime = containerRuntimeSync();
  if (runtime.available) {
    describe(suite, body);
    return;
  }
  // Straight to stderr: Jest drops console output of a file whose tests are all skipped.
  process.stderr.write(
    `[skipped] ${suite}: no container runtime (${runtime.reason}); this run does not check ${unchecked}\n`,
  );
  describe.skip(suite, body);
};

/** Generous: the first run pulls the image. */
export const CONTAINER_START_TIMEOUT_MS = 180_000;
