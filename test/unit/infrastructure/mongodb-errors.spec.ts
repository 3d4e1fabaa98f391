import {
  MongoNetworkError,
  MongoServerError,
  MongoServerSelectionError,
  MongoWriteConcernError,
} from 'mongodb';
import { StoreUnavailableError } from '../../../src/application/ports/event-store.port';
import { isMongoUnavailable, toMongoStoreError } from '../../../src/infrastructure/mongodb/mongodb-errors';

/** A server's error reply as the driver builds it from the wire. */
const serverError = (code: number, errmsg: string, errorLabels: string[] = []) =>
  new MongoServerError({ ok: 0, code, errmsg, errorLabels });

describe('MongoDB errors that mean "not now" (503, retried by the runners)', () => {
  it('knows a replica set between primaries by its codes, reads included (they carry no label)', () => {
    expect(isMongoUnavailable(serverError(10107, 'not primary'))).toBe(true);
    expect(isMongoUnavailable(serverError(189, 'primary stepped down'))).toBe(true);
    expect(isMongoUnavailable(serverError(11602, 'operation was interrupted'))).toBe(true);
    expect(isMongoUnavailable(serverError(13436, 'node is not in primary or recovering state'))).toBe(true);
    expect(isMongoUnavailable(serverError(91, 'shutdown in progress'))).toBe(true);
  });

  it("trusts the driver's labels on writes and transactions", () => {
    expect(isMongoUnavailable(serverError(112, 'write conflict', ['TransientTransactionError']))).toBe(true);
    expect(
      isMongoUnavailable(serverError(50, 'commit result unknown', ['UnknownTransactionCommitResult'])),
    ).toBe(true);
    expect(isMongoUnavailable(serverError(262, 'exceeded time limit', ['RetryableWriteError']))).toBe(true);
  });

  it('knows a lost connection and no server at all', () => {
    expect(isMongoUnavailable(new MongoNetworkError('connection 3 to 10.0.0.5:27017 closed'))).toBe(true);
    expect(
      isMongoUnavailable(
        new MongoServerSelectionError('Server selection timed out after 5000 ms', {} as never),
      ),
    ).toBe(true);
  });

  it('knows a majority that did not confirm in time', () => {
    const timeout = new MongoWriteConcernError({
      writeConcernError: { code: 64, errmsg: 'waiting for replication timed out' },
    } as never);
    expect(isMongoUnavailable(timeout)).toBe(true);
  });

  it('leaves answers the caller must act on alone: a duplicate key, a bad query, our own bugs', () => {
    expect(isMongoUnavailable(serverError(11000, 'E11000 duplicate key error'))).toBe(false);
    expect(isMongoUnavailable(serverError(2, 'unknown operator: $regexx'))).toBe(false);
    expect(isMongoUnavailable(new TypeError("Cannot read properties of undefined (reading 'value')"))).toBe(
      false,
    );
    expect(isMongoUnavailable('not primary')).toBe(false);
  });

  it('maps an outage to StoreUnavailableError naming the call, and passes anything else through as it is', () => {
    const mapped = toMongoStoreError('the key of cu-1', serverError(10107, 'not primary'));
    expect(mapped).toBeInstanceOf(StoreUnavailableError);
    expect(mapped).toMatchObject({
      store: 'mongodb',
      message:
        'MongoDB could not serve the key of cu-1 (not primary): check MONGODB_URL and that the server is up',
    });
    const duplicate = serverError(11000, 'E11000 duplicate key error');
    expect(toMongoStoreError('the key of cu-1', duplicate)).toBe(duplicate);
    const already = new StoreUnavailableError('mongodb', 'already mapped');
    expect(toMongoStoreError('x', already)).toBe(already);
  });
});
