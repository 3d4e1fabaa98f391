import { loadConfig } from '../../../src/infrastructure/config/app-config';

describe('EVENTSTORE_URL at start', () => {
  it('takes esdb:// and esdb+discover:// connection strings', () => {
    expect(loadConfig({ EVENTSTORE_URL: 'esdb://admin:changeit@es1:2113?tls=false' }).eventStoreUrl).toBe(
      'esdb://admin:changeit@es1:2113?tls=false',
    );
    expect(loadConfig({ EVENTSTORE_URL: 'esdb+discover://es.cluster:2113' }).eventStoreUrl).toBe(
      'esdb+discover://es.cluster:2113',
    );
  });

  it('refuses kurrentdb:// and kdb://, which client 6.2.1 rejects, and says what to write instead', () => {
    expect(() => loadConfig({ EVENTSTORE_URL: 'kurrentdb://admin:secret@kdb1:2113?tls=false' })).toThrow(
      'EVENTSTORE_URL uses kurrentdb://, which the EventStoreDB client of this release (@eventstore/db-client 6.2.1) does not accept: write the same connection string with esdb:// (KurrentDB servers accept it)',
    );
    expect(() => loadConfig({ EVENTSTORE_URL: 'kdb+discover://cluster:2113' })).toThrow(
      /uses kdb\+discover:\/\/.*with esdb\+discover:\/\//,
    );
    expect(() => loadConfig({ EVENTSTORE_URL: 'KurrentDB://host:2113' })).toThrow(/uses kurrentdb:\/\//);
  });

  it('never repeats the URL, which may hold a password', () => {
    for (const url of ['kurrentdb://admin:s3cret@h:2113', 'http://admin:s3cret@h:2113', 'admin:s3cret@h']) {
      expect(() => loadConfig({ EVENTSTORE_URL: url })).toThrow(/^EVENTSTORE_URL /);
      expect(() => loadConfig({ EVENTSTORE_URL: url })).not.toThrow(/s3cret/);
    }
  });
});

describe('SQLITE_GROUP_COMMIT', () => {
  it('is on unless set to false, and refuses anything but true or false, naming the variable', () => {
    expect(loadConfig({}).sqliteGroupCommit).toBe(true);
    expect(loadConfig({ SQLITE_GROUP_COMMIT: 'true' }).sqliteGroupCommit).toBe(true);
    expect(loadConfig({ SQLITE_GROUP_COMMIT: 'false' }).sqliteGroupCommit).toBe(false);
    expect(() => loadConfig({ SQLITE_GROUP_COMMIT: 'off' })).toThrow(
      'SQLITE_GROUP_COMMIT=off is not true or false',
    );
  });
});

describe('PROJECTION_WORKER', () => {
  it('is a worker thread unless set to none, and refuses anything else, naming the variable', () => {
    expect(loadConfig({}).projectionWorker).toBe('thread');
    expect(loadConfig({ PROJECTION_WORKER: 'none' }).projectionWorker).toBe('none');
    expect(() => loadConfig({ PROJECTION_WORKER: 'process' })).toThrow(
      'PROJECTION_WORKER=process is not thread or none',
    );
  });
});

describe('SUBSCRIPTION_FAN_OUT', () => {
  it('is on unless set to false, and refuses anything but true or false, naming the variable', () => {
    expect(loadConfig({}).subscriptionFanOut).toBe(true);
    expect(loadConfig({ SUBSCRIPTION_FAN_OUT: 'false' }).subscriptionFanOut).toBe(false);
    expect(() => loadConfig({ SUBSCRIPTION_FAN_OUT: 'no' })).toThrow(
      'SUBSCRIPTION_FAN_OUT=no is not true or false',
    );
  });
});

describe('LEASE_MS', () => {
  it('is 10 s unless set, and refuses a lease too short to renew, naming the variable', () => {
    expect(loadConfig({}).leaseMs).toBe(10_000);
    expect(loadConfig({ LEASE_MS: '1000' }).leaseMs).toBe(1000);
    expect(() => loadConfig({ LEASE_MS: '100' })).toThrow(/^LEASE_MS=100 is not a whole number from 300/);
  });
});
