import {
  MongoError,
  MongoErrorLabel,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  MongoWriteConcernError,
} from 'mongodb';
import { StoreUnavailableError } from '../../application/ports/event-store.port';

/**
 * Labels the driver puts on an error it would retry itself (a write of a retryable kind, a transaction)
 * or after which it clears its pool: the server was there but could not serve this call now.
 */
const TRANSIENT_LABELS: readonly string[] = [
  MongoErrorLabel.RetryableWriteError,
  MongoErrorLabel.TransientTransactionError,
  MongoErrorLabel.UnknownTransactionCommitResult,
  MongoErrorLabel.ResetPool,
  MongoErrorLabel.PoolRequstedRetry,
];

/**
 * Server codes of a replica set between primaries or a node going down. Reads carry no label, so the
 * codes are matched too (the driver's own list of retryable codes, which it does not export).
 */
const TRANSIENT_CODES = new Set([
  6, // HostUnreachable
  7, // HostNotFound
  64, // WriteConcernTimeout: the majority did not confirm in time
  89, // NetworkTimeout
  91, // ShutdownInProgress
  189, // PrimarySteppedDown
  262, // ExceededTimeLimit
  9001, // SocketException
  10107, // NotWritablePrimary
  11600, // InterruptedAtShutdown
  11602, // InterruptedDueToReplStateChange
  13435, // NotPrimaryNoSecondaryOk
  13436, // NotPrimaryOrSecondary
  134, // ReadConcernMajorityNotAvailableYet
]);

/** True when MongoDB could not serve the call (no server, no primary, an election): worth a retry, 503. */
export const isMongoUnavailable = (error: unknown): boolean => {
  if (
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNetworkError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoNotConnectedError
  )
    return true;
  if (!(error instanceof MongoError)) return false;
  if (TRANSIENT_LABELS.some((label) => error.hasErrorLabel(label))) return true;
  if (error instanceof MongoServerError || error instanceof MongoWriteConcernError) {
    return typeof error.code === 'number' && TRANSIENT_CODES.has(error.code);
  }
  return false;
};

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** StoreUnavailableError (503, and a retry for the runners) for an outage; any other error as it is. */
export const toMongoStoreError = (what: string, error: unknown): unknown => {
  if (error instanceof StoreUnavailableError || !isMongoUnavailable(error)) return error;
  return new StoreUnavailableError(
    'mongodb',
    `MongoDB could not serve ${what} (${messageOf(error)}): check MONGODB_URL and that the server is up`,
    error,
  );
};
