import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { eventStoreContract } from './event-store.contract';
import { readStoreContract } from './read-store.contract';
import { readStoreGenerationContract } from './read-store-generations.contract';
import { readStoreLeaseContract } from './read-store-leases.contract';

const dir = mkdtempSync(join(tmpdir(), 'crm-contract-'));
let files = 0;
const nextFile = (name: string) => join(dir, `${name}-${(files += 1)}.sqlite`);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A fresh file each time, on disk, in WAL mode: the store exactly as `npm start` runs it.
eventStoreContract('SQLite', async () => SqliteEventStore.open(nextFile('events')));
eventStoreContract('SQLite, one transaction per append (SQLITE_GROUP_COMMIT=false)', async () =>
  SqliteEventStore.open(nextFile('events'), { groupCommit: false }),
);
readStoreContract('SQLite (transactional checkpoint)', async () => SqliteReadStore.open(nextFile('read')));
readStoreContract('SQLite (position guard only)', async () =>
  SqliteReadStore.open(nextFile('read'), { atomicCheckpoint: false }),
);
readStoreGenerationContract('SQLite', async () => SqliteReadStore.open(nextFile('read')));
readStoreLeaseContract('SQLite (transactional checkpoint)', async () =>
  SqliteReadStore.open(nextFile('read')),
);
readStoreLeaseContract('SQLite (position guard only)', async () =>
  SqliteReadStore.open(nextFile('read'), { atomicCheckpoint: false }),
);
