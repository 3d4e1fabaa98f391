import {
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
} from '@eventstore/db-client';
import { StoreUnavailableError } from '../../application/ports/event-store.port';

/** gRPC status codes that mean "the server did not serve this call", whatever error class carries them. */
const GRPC_UNAVAILABLE_CODES = new Set([
  1, // CANCELLED: the server or the channel dropped the call
  4, // DEADLINE_EXCEEDED
  14, // UNAVAILABLE
]);

const grpcCode = (error: unknown): number | undefined => {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'number' ? code : undefined;
};

/**
 * True when an error says the server could not be reached or did not answer, as opposed to an answer we
 * must act on (wrong expected version, access denied…). A NotLeaderError also lands here: the client
 * reconnects to the leader by itself, so the caller should simply retry later.
 */
export const isConnectionError = (error: unknown): boolean =>
  error instanceof UnavailableError ||
  error instanceof DeadlineExceededError ||
  error instanceof TimeoutError ||
  error instanceof CancelledError ||
  error instanceof NotLeaderError ||
  GRPC_UNAVAILABLE_CODES.has(grpcCode(error) ?? -1) ||
  ELECTION_MESSAGES.test(error instanceof Error ? error.message : '');

/**
 * What a node answers during an election (EventStore.Core's RpcExceptions): "Server Is Not Ready" and
 * "Server Is Too Busy" come as UNAVAILABLE (code 14, above); "No leader info available" as UNKNOWN, which
 * the client turns into an UnknownError, so only its text tells it apart from a real failure.
 */
const ELECTION_MESSAGES = /server is not ready|server is too busy|no (leader|master) info available/i;

const timedOut = (what: string, ms: number) =>
  new StoreUnavailableError(
    'eventstoredb',
    `EventStoreDB did not answer ${what} within ${ms} ms: check EVENTSTORE_URL and that the server is up`,
  );

const unreachable = (what: string, cause: unknown) =>
  new StoreUnavailableError(
    'eventstoredb',
    `EventStoreDB could not serve ${what} (${cause instanceof Error ? cause.message : String(cause)}): ` +
      'check EVENTSTORE_URL and that the server is up',
    cause,
  );

/**
 * Runs one EventStoreDB call under our own deadline. The client can wait forever on a server that accepts
 * the connection but never answers (its capability probe and its $all reads have no deadline of their
 * own), so a request must not depend on the client giving up. `fn` receives a signal that aborts at the
 * deadline so it can cancel its gRPC stream; a late answer after that is ignored.
 */
export const withDeadline = async <T>(
  what: string,
  ms: number,
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<T> => {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(timedOut(what, ms));
    }, ms);
  });
  try {
    return await Promise.race([fn(abort.signal), expired]);
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw error;
    if (isConnectionError(error)) throw unreachable(what, error);
    throw error;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
};
