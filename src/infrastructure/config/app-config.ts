import { resolve } from 'node:path';

export type AppConfig = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  /** `esdb://…`: EventStoreDB holds the events. Unset: SQLite under `dataDir`. */
  eventStoreUrl: string | null;
  /** `mongodb://…`: MongoDB holds the read models. Unset: SQLite under `dataDir`. */
  mongodbUrl: string | null;
  mongodbDatabase: string;
  /** The database of the personal-data keys, apart from the read models (docs/privacy.md). */
  mongodbKeyDatabase: string;
  /** Our own deadline on every EventStoreDB call. */
  eventStoreDeadlineMs: number;
  /** SQLite event store: appends that arrive together share one transaction and one fsync (issue 14 §3). */
  sqliteGroupCommit: boolean;
  /** One reader of the log per process for every subscription (`SUBSCRIPTION_FAN_OUT`, default true). */
  subscriptionFanOut: boolean;
  /** Largest accepted request body. */
  bodyLimitBytes: number;
  /** Longest a client may take to send a whole request (headers and body); then 408 and the socket closes. */
  requestTimeoutMs: number;
  /** Run projections and reactors in this process (turn off for extra API-only replicas). */
  runProjections: boolean;
  /**
   * Where `npm start` runs the projections, reactors and clock watchers when `runProjections`: `thread`, a
   * worker thread of its own beside the API's event loop (`projection-worker.ts`); `none`, on the API's loop.
   */
  projectionWorker: 'thread' | 'none';
  projectionBatchSize: number;
  /**
   * How long a lease on a unit of projection work lasts without renewal (`LEASE_MS`); renewed every third
   * of it. A killed process's work moves to another within about this long.
   */
  leaseMs: number;
  /** Worker threads a rebuild spreads its projections over (`REBUILD_WORKERS`; 1, the default: in-thread). */
  rebuildWorkers: number;
  /** How often the complaint deadline watcher looks for passed deadlines; 0 turns it off. */
  deadlineSweepMs: number;
  /** How often the loyalty watcher expires lots and vouchers and lapses memberships; 0 turns it off. */
  loyaltySweepMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Requests per minute per credential (per IP before authentication); 0 turns the limit off. */
  rateLimitPerMinute: number;
  /**
   * How long a process trusts the state it read of a credential while its follower of the log is not at the
   * head (`CREDENTIAL_FRESHNESS_MS`): the bound of a revocation made elsewhere.
   */
  credentialFreshnessMs: number;
  /**
   * How long a kept state is trusted while the follower of the log, which evicts it on a revocation, is at
   * the head (`CREDENTIAL_PUSHED_FRESHNESS_MS`); 0: no follower, `credentialFreshnessMs` alone.
   */
  credentialPushedFreshnessMs: number;
  /** Unwrapped personal-data keys kept in memory (`PII_KEY_CACHE_SIZE`, 0: none). */
  piiKeyCacheSize: number;
  /** How long a kept key is used without asking the key store again (`PII_KEY_FRESHNESS_MS`). */
  piiKeyFreshnessMs: number;
  /** `AUTH_TOKEN_SECRET`, base64 of at least 32 bytes: signs tokens. Unset: generated under `dataDir/secrets`. */
  authTokenSecret: string | null;
  /** `PII_MASTER_KEY`, base64 of 32 bytes: wraps the personal-data keys (docs/privacy.md). */
  piiMasterKey: string | null;
  /** The master key being retired while `crm keys rotate-master` runs (docs/privacy.md). */
  piiMasterKeyPrevious: string | null;
  /** `WEBHOOK_ALLOWED_URLS`, comma-separated URL prefixes webhook deliveries may go to; none by default. */
  webhookAllowedUrls: readonly string[];
  /** How often due webhook deliveries are sent; 0 turns the sender off (tests sweep by hand). */
  webhookDispatchMs: number;
}>;

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * One: the rebuild in the calling thread. Over worker threads it measured slower on the 2-core bench
 * machine (docs/benchmarks.md, "the rebuild over worker threads"): the workers queue on SQLite's one
 * writer and each reads the whole log, so they are for a machine with cores to spare, set by hand.
 */
export const DEFAULT_REBUILD_WORKERS = 1;

const integer = (
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name}=${raw} is not a whole number from ${min} to ${max}: fix the environment`);
  }
  return value;
};

const text = (env: NodeJS.ProcessEnv, name: string): string | null => {
  const value = env[name]?.trim();
  return value ? value : null;
};

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/**
 * Only `esdb://` and `esdb+discover://`: @eventstore/db-client 6.2.1 refuses KurrentDB's own schemes
 * ("Unexpected kurrentdb://") when it first connects, which would surface as 503s long after the start.
 * The messages name the scheme only: the URL may hold credentials.
 */
const checkEventStoreUrl = (url: string): void => {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'esdb' || scheme === 'esdb+discover') return;
  if (scheme && /^(kurrentdb|kurrent|kdb)(\+discover)?$/.test(scheme)) {
    const esdb = scheme.endsWith('+discover') ? 'esdb+discover' : 'esdb';
    throw new Error(
      `EVENTSTORE_URL uses ${scheme}://, which the EventStoreDB client of this release (@eventstore/db-client 6.2.1) does not accept: write the same connection string with ${esdb}:// (KurrentDB servers accept it)`,
    );
  }
  throw new Error(
    `EVENTSTORE_URL is not an esdb:// or esdb+discover:// connection string (it starts with ${scheme ? `${scheme}://` : 'no scheme'})`,
  );
};

/** Reads the configuration from the environment and refuses anything it cannot use, naming the variable. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const eventStoreUrl = text(env, 'EVENTSTORE_URL');
  if (eventStoreUrl) checkEventStoreUrl(eventStoreUrl);
  const mongodbUrl = text(env, 'MONGODB_URL');
  if (mongodbUrl && !/^mongodb(\+srv)?:\/\//.test(mongodbUrl)) {
    throw new Error(`MONGODB_URL=${mongodbUrl} is not a mongodb:// connection string`);
  }
  const logLevel = (text(env, 'LOG_LEVEL') ?? 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel))
    throw new Error(`LOG_LEVEL=${logLevel} is not one of ${LOG_LEVELS.join(', ')}`);
  const runProjections = text(env, 'RUN_PROJECTIONS') ?? 'true';
  if (!['true', 'false'].includes(runProjections))
    throw new Error(`RUN_PROJECTIONS=${runProjections} is not true or false`);
  const sqliteGroupCommit = text(env, 'SQLITE_GROUP_COMMIT') ?? 'true';
  if (!['true', 'false'].includes(sqliteGroupCommit))
    throw new Error(`SQLITE_GROUP_COMMIT=${sqliteGroupCommit} is not true or false`);
  const subscriptionFanOut = text(env, 'SUBSCRIPTION_FAN_OUT') ?? 'true';
  if (!['true', 'false'].includes(subscriptionFanOut))
    throw new Error(`SUBSCRIPTION_FAN_OUT=${subscriptionFanOut} is not true or false`);
  const projectionWorker = text(env, 'PROJECTION_WORKER') ?? 'thread';
  if (projectionWorker !== 'thread' && projectionWorker !== 'none')
    throw new Error(`PROJECTION_WORKER=${projectionWorker} is not thread or none`);
  const mongodbDatabase = text(env, 'MONGODB_DATABASE') ?? 'dealer_crm';
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: text(env, 'HOST') ?? '0.0.0.0',
    dataDir: resolve(text(env, 'DATA_DIR') ?? './data'),
    eventStoreUrl,
    mongodbUrl,
    mongodbDatabase,
    mongodbKeyDatabase: text(env, 'MONGODB_KEY_DATABASE') ?? `${mongodbDatabase}_keys`,
    eventStoreDeadlineMs: integer(env, 'EVENTSTORE_DEADLINE_MS', 5000, 100, 600_000),
    sqliteGroupCommit: sqliteGroupCommit === 'true',
    subscriptionFanOut: subscriptionFanOut === 'true',
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 100 * 1_048_576),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000),
    runProjections: runProjections === 'true',
    projectionWorker,
    projectionBatchSize: integer(env, 'PROJECTION_BATCH_SIZE', 1000, 1, 100_000),
    leaseMs: integer(env, 'LEASE_MS', 10_000, 300, 600_000),
    rebuildWorkers: integer(env, 'REBUILD_WORKERS', DEFAULT_REBUILD_WORKERS, 1, 64),
    deadlineSweepMs: integer(env, 'DEADLINE_SWEEP_MS', 60_000, 0, 86_400_000),
    loyaltySweepMs: integer(env, 'LOYALTY_SWEEP_MS', 3_600_000, 0, 86_400_000),
    logLevel,
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 0, 10_000_000),
    credentialFreshnessMs: integer(env, 'CREDENTIAL_FRESHNESS_MS', 1_000, 0, 60_000),
    credentialPushedFreshnessMs: integer(env, 'CREDENTIAL_PUSHED_FRESHNESS_MS', 60_000, 0, 3_600_000),
    piiKeyCacheSize: integer(env, 'PII_KEY_CACHE_SIZE', 10_000, 0, 1_000_000),
    piiKeyFreshnessMs: integer(env, 'PII_KEY_FRESHNESS_MS', 1_000, 0, 60_000),
    authTokenSecret: text(env, 'AUTH_TOKEN_SECRET'),
    piiMasterKey: text(env, 'PII_MASTER_KEY'),
    piiMasterKeyPrevious: text(env, 'PII_MASTER_KEY_PREVIOUS'),
    webhookAllowedUrls: (text(env, 'WEBHOOK_ALLOWED_URLS') ?? '')
      .split(',')
      .map((prefix) => prefix.trim())
      .filter((prefix) => prefix !== ''),
    webhookDispatchMs: integer(env, 'WEBHOOK_DISPATCH_MS', 5000, 0, 86_400_000),
  };
};
