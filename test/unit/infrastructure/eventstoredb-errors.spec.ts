import { Metadata, status } from '@grpc/grpc-js';
import { convertToCommandError } from '@eventstore/db-client/dist/utils/CommandError';
import { StoreUnavailableError } from '../../../src/application/ports/event-store.port';
import { isConnectionError, withDeadline } from '../../../src/infrastructure/eventstoredb/with-deadline';

/** A gRPC failure as the channel hands it to the client, before the client classifies it. */
const serviceError = (code: status, details: string) =>
  Object.assign(new Error(`${code} ${status[code]}: ${details}`), {
    code,
    details,
    metadata: new Metadata(),
  });

describe('EventStoreDB errors that mean "not now" (503, retried by the runners)', () => {
  it('knows a node that is not leader yet, or busy, or without leader info, as the client reports them', () => {
    // EventStore.Core's RpcExceptions: ServerNotReady and ServerBusy are UNAVAILABLE, NoLeaderInfo UNKNOWN.
    const notReady = convertToCommandError(serviceError(status.UNAVAILABLE, 'Server Is Not Ready'));
    const busy = convertToCommandError(serviceError(status.UNAVAILABLE, 'Server Is Too Busy'));
    const noLeader = convertToCommandError(
      serviceError(status.UNKNOWN, 'No leader info available in response'),
    );
    const aborted = convertToCommandError(serviceError(status.ABORTED, 'Operation timed out'));
    const deadline = convertToCommandError(serviceError(status.DEADLINE_EXCEEDED, 'Deadline exceeded'));
    for (const error of [notReady, busy, noLeader, aborted, deadline])
      expect(isConnectionError(error)).toBe(true);
  });

  it('leaves answers the caller must act on alone', () => {
    const denied = convertToCommandError(serviceError(status.PERMISSION_DENIED, 'Access denied'));
    const unknown = convertToCommandError(serviceError(status.UNKNOWN, 'Exception was thrown by handler.'));
    expect(isConnectionError(denied)).toBe(false);
    expect(isConnectionError(unknown)).toBe(false);
    expect(isConnectionError(new TypeError('x is undefined'))).toBe(false);
  });

  it('turns a ServerNotReady into StoreUnavailableError naming the call', async () => {
    const notReady = convertToCommandError(serviceError(status.UNAVAILABLE, 'Server Is Not Ready'));
    const call = withDeadline('the read of $all', 1000, async () => {
      throw notReady;
    });
    await expect(call).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(call).rejects.toThrow(
      /EventStoreDB could not serve the read of \$all .*Server Is Not Ready/,
    );
  });
});
